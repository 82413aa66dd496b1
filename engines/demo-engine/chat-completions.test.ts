// The demo engine, black box: chat completions. Helpers and fixtures in test-helpers.ts.
import { describe, expect } from 'vitest';
import {
  bmp,
  type Delta,
  dataUrl,
  events,
  FAST,
  gif,
  it,
  jpeg,
  png,
  post,
  streamChat,
  userMessage,
  waitFor,
  webp,
} from './test-helpers';

describe.concurrent('chat completions', () => {
  const body = { model: 'demo/vlm-demo', messages: [userMessage('Describe the weather')] };
  const short = ['--thinking-tokens', '30', '--answer-tokens', '60'];

  it.for(['reasoning', 'reasoning_content'])(
    '--reasoning %s streams thinking in its own delta field, then the answer',
    async (mode, { startReady }) => {
      const engine = await startReady([...FAST, ...short, '--reasoning', mode]);
      const { chunks, deltas, join } = await streamChat(engine, body);
      expect(deltas[0]).toEqual({ role: 'assistant', content: '' });
      expect(join(mode as keyof Delta)).toMatch(/^Let me look at the request\./);
      expect(join(mode === 'reasoning' ? 'reasoning_content' : 'reasoning')).toBe('');
      expect(join('content')).toContain(
        'You sent 1 message. The last user message was: "Describe the weather".',
      );
      expect(join('content')).toContain('| --- | --- |');
      expect(join('content')).toContain('```ts');
      const usageChunk = chunks.at(-1);
      expect(usageChunk?.choices).toEqual([]);
      expect(usageChunk?.usage?.completion_tokens_details?.reasoning_tokens).toBe(30);
      expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    },
  );

  it('--reasoning think-tags puts <think>…</think> inline, split across chunks', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short, '--reasoning', 'think-tags']);
    const { deltas, join } = await streamChat(engine, body);
    const content = join('content');
    expect(content).toMatch(/^<think>\nLet me look at the request\./);
    expect(content).toMatch(/\n<\/think>\n\nYou sent 1 message\./);
    expect(join('reasoning')).toBe('');
    expect(deltas.some((d) => d.content?.includes('</think>'))).toBe(false);
    // A text token carrying the first fragment of a tag, e.g. `request.\n<`.
    expect(deltas.some((d) => /\S\n<$/.test(d.content ?? ''))).toBe(true);
  });

  it('--reasoning ernie-raw emits the bare </think> and <response> wrapper', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short, '--reasoning', 'ernie-raw']);
    const { chunks, join } = await streamChat(engine, body);
    const content = join('content');
    expect(content).not.toContain('<think>');
    expect(content).toMatch(
      /^Let me look at the request\.[\s\S]*\n<\/think>\n\n<response>\nYou sent 1 message\./,
    );
    expect(content.endsWith('\n</response>\n')).toBe(true);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBeGreaterThan(90);
  });

  it('stops with finish_reason length while still thinking', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short]);
    const { chunks, join } = await streamChat(engine, { ...body, max_tokens: 10 });
    expect(join('reasoning').length).toBeGreaterThan(0);
    expect(join('content')).toBe('');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('length');
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(10);
  });

  it('returns a chat.completion when not streaming', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short]);
    const res = await post(engine, body);
    const json = await res.json();
    expect(json.object).toBe('chat.completion');
    expect(json.choices[0].message.reasoning).toMatch(/^Let me look/);
    expect(json.choices[0].message.content).toMatch(/^You sent 1 message/);
    expect(json.choices[0].finish_reason).toBe('stop');
    expect(json.usage.completion_tokens).toBeGreaterThanOrEqual(90);
  });

  it('describes attached images from their bytes', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short]);
    const files: [string, Buffer][] = [
      ['image/png', png(640, 480)],
      ['image/jpeg', jpeg(1500, 1125)],
      ['image/webp', webp(4000, 3000)],
      ['image/gif', gif(320, 240)],
      ['image/bmp', bmp(800, 600)],
    ];
    const images = files.map(([mime, bytes]) => dataUrl(mime, bytes));
    const { join } = await streamChat(engine, { messages: [userMessage('What is this?', images)] });
    const content = join('content');
    expect(content).toContain(`Image 1: png, 640×480, ${files[0]?.[1].length} bytes`);
    expect(content).toContain(`Image 2: jpeg, 1500×1125, ${files[1]?.[1].length} bytes`);
    expect(content).toContain('Image 3: webp, 4000×3000, 30 bytes');
    expect(content).toContain('Image 4: gif, 320×240, 13 bytes');
    expect(content).toContain('Image 5: bmp, 800×600, 54 bytes');
  });

  it('--chunk-error-after sends vLLM’s in-band error chunk, then [DONE]', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short, '--chunk-error-after', '4']);
    const res = await post(engine, { ...body, stream: true });
    expect(res.status).toBe(200);
    const data = events(await res.text());
    expect(data).toHaveLength(6);
    expect(data[4]).toMatch(
      /^\{"error": \{"message": ".+", "type": "InternalServerError", "param": null, "code": 500\}\}$/,
    );
    expect(data[5]).toBe('[DONE]');
  });

  it('aborts generation when the client disconnects and counts it in /metrics', async ({ startReady }) => {
    const engine = await startReady([
      '--startup-seconds',
      '0',
      '--tokens-per-second',
      '40',
      '--thinking-tokens',
      '2000',
    ]);
    const controller = new AbortController();
    const res = await post(engine, { ...body, stream: true }, { signal: controller.signal });
    const reader = res.body?.getReader();
    await reader?.read();
    await reader?.read();
    controller.abort();
    const metric = /vllm:request_aborted_total\{[^}]*\} 1\.0/;
    const metrics = await waitFor(async () => {
      const text = await (await fetch(`http://127.0.0.1:${engine.port}/metrics`)).text();
      return metric.test(text) && text;
    }, 'aborted counter');
    expect(metrics).toMatch(/vllm:num_requests_running\{[^}]*\} 0\.0/);
    expect(engine.stdout()).toMatch(/Aborted request chatcmpl-[0-9a-f]+\./);
  });
});
