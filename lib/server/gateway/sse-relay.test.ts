import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineAnswer } from './engine-request';
import { relaySse } from './sse-relay';

const chunk = (delta: Record<string, string>) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
const usageChunk = `data: ${JSON.stringify({ id: 'c1', choices: [], usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 } })}\n\n`;

function engine(contentType = 'text/event-stream; charset=utf-8') {
  const body = new PassThrough();
  Object.assign(body, { statusCode: 200, headers: { 'content-type': contentType } });
  return body as PassThrough & EngineAnswer;
}

function start(stripUsage: boolean) {
  const upstream = engine();
  const hooks = { stripUsage, onUsage: vi.fn(), onError: vi.fn(), onEnd: vi.fn() };
  const abort = vi.fn();
  const relay = relaySse(Promise.resolve(upstream), abort, hooks);
  const read = async () => {
    const parts: string[] = [];
    const decoder = new TextDecoder();
    for await (const part of relay.stream as unknown as AsyncIterable<Uint8Array>)
      parts.push(decoder.decode(part));
    return parts.join('');
  };
  return { upstream, hooks, abort, relay, read };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('relaySse', () => {
  it('passes the engine’s events through byte for byte, thinking fields included, even when cut mid-event', async () => {
    const { upstream, read, hooks } = start(false);
    const events = [
      chunk({ role: 'assistant', content: '' }),
      chunk({ reasoning_content: 'hmm' }),
      chunk({ content: 'hé' }),
      usageChunk,
      'data: [DONE]\n\n',
    ];
    const bytes = Buffer.from(events.join(''));
    const output = read();
    for (let i = 0; i < bytes.length; i += 7) upstream.write(bytes.subarray(i, i + 7));
    upstream.end();
    expect(await output).toBe(`: stream open\n\n${events.join('')}`);
    expect(hooks.onUsage).toHaveBeenCalledWith(12);
    expect(hooks.onEnd).toHaveBeenCalledTimes(1);
  });

  it('drops the usage chunk the gateway asked for on the client’s behalf, and still counts it', async () => {
    const { upstream, read, hooks } = start(true);
    const output = read();
    upstream.end(`${chunk({ content: 'hi' })}${usageChunk}data: [DONE]\n\n`);
    const text = await output;
    expect(text).not.toContain('usage');
    expect(text).toContain('"content":"hi"');
    expect(text).toContain('[DONE]');
    expect(hooks.onUsage).toHaveBeenCalledWith(12);
  });

  it('sends a heartbeat comment while the engine is silent (prefill)', async () => {
    vi.useFakeTimers();
    const { upstream, relay } = start(false);
    const reader = relay.stream.getReader();
    await reader.read(); // the opening comment
    await vi.advanceTimersByTimeAsync(11_000);
    const beat = await reader.read();
    expect(new TextDecoder().decode(beat.value)).toMatch(/^: heartbeat \d+\n\n$/);
    upstream.end();
  });

  it('aborts the engine request when the client goes away, and ends in band when the key is revoked', async () => {
    const first = start(false);
    await first.relay.stream.cancel();
    expect(first.abort).toHaveBeenCalled();

    const second = start(false);
    const reader = second.relay.stream.getReader();
    const decoder = new TextDecoder();
    let text = '';
    second.upstream.write(chunk({ content: 'partial' }));
    while (!text.includes('partial')) text += decoder.decode((await reader.read()).value);
    second.relay.fail('key_revoked', 'The API key was revoked.');
    for (let part = await reader.read(); !part.done; part = await reader.read())
      text += decoder.decode(part.value);
    expect(text).toMatch(
      /data: \{"error":\{"message":"The API key was revoked\.".*"code":"key_revoked"\}\}\n\n$/,
    );
    expect(second.abort).toHaveBeenCalled();
  });
});
