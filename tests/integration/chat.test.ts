// /api/chat against the demo engine: every reasoning shape, stop, abandon, reattach, errors, a dying engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { abortedCount, postStream, textOf, typesOf, userMessage } from '../helpers/chat-api';
import { getStatus, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';

let app: AppServer;
let enginePort = 0;

beforeAll(async () => {
  app = await startApp({ VLM_CONSOLE_CHAT_ABANDON_S: '1' });
});

afterAll(async () => {
  await stopEngine(app.url);
  await waitForState(app.url, ['stopped', 'crashed', 'failed'], 15_000);
  await app?.stop();
});

async function launch(extraArgs: string[], options: Record<string, unknown> = {}) {
  const status = await getStatus(app.url);
  if (status.state === 'ready' || status.state === 'starting') {
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 15_000);
  }
  enginePort = await freePort();
  await startEngine(app.url, {
    port: enginePort,
    ...options,
    extraArgs: ['--startup-seconds', '0.1', ...extraArgs],
  });
  await waitForState(app.url, ['ready'], 20_000);
}

const chat = (body: unknown, headers?: Record<string, string>) =>
  postStream(`${app.url}/api/chat`, body, headers);

describe('POST /api/chat', () => {
  it('refuses with 409 while no engine is ready', async () => {
    const res = await chat(userMessage('hello'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'engine_not_ready' } });
  });

  for (const mode of ['reasoning', 'reasoning_content', 'think-tags', 'ernie-raw'] as const) {
    it(`turns --reasoning ${mode} into reasoning then content events, nothing lost, no tag leaked`, async () => {
      // ERNIE's raw output is what vLLM sends when launched without its reasoning parser.
      const options = mode === 'ernie-raw' ? { reasoningParser: '' } : {};
      const args = [
        '--tokens-per-second',
        '0',
        '--reasoning',
        mode,
        '--thinking-tokens',
        '80',
        '--answer-tokens',
        '60',
      ];
      await launch(args, options);
      const res = await chat(userMessage('What is in the picture of the lighthouse?'));
      expect(res.status).toBe(200);
      await res.done;
      const types = typesOf(res.events);
      expect(types[0]).toBe('generation');
      expect(types.at(-1)).toBe('done');
      expect(types.indexOf('reasoning')).toBeLessThan(types.indexOf('content'));
      expect(types.lastIndexOf('reasoning')).toBeLessThan(types.indexOf('content'));
      expect(types).toContain('usage');
      expect(res.events.map((e) => e.index)).toEqual(res.events.map((_, i) => i));
      const reasoning = textOf(res.events, 'reasoning');
      const content = textOf(res.events, 'content');
      expect(reasoning.length).toBeGreaterThan(100);
      expect(content).toContain('What is in the picture of the lighthouse?');
      for (const tag of ['<think>', '</think>', '<response>', '</response>']) {
        expect(reasoning).not.toContain(tag);
        expect(content).not.toContain(tag);
      }
      const done = res.events.at(-1)?.event;
      expect(done).toMatchObject({ type: 'done', finishReason: 'stop' });
    });
  }

  it('ends a reply that runs out of tokens while thinking with the trace and finishReason length', async () => {
    await launch(['--tokens-per-second', '0', '--thinking-tokens', '200']);
    const res = await chat({ ...userMessage('think long'), params: { max_tokens: 50 } });
    await res.done;
    expect(textOf(res.events, 'reasoning').length).toBeGreaterThan(50);
    expect(textOf(res.events, 'content')).toBe('');
    expect(res.events.at(-1)?.event).toMatchObject({ type: 'done', finishReason: 'length' });
  });

  it('stops on request within a second, keeps what came, and the engine aborts the request', async () => {
    await launch(['--tokens-per-second', '20']);
    const before = await abortedCount(enginePort);
    const res = await chat(userMessage('a slow one'));
    await waitFor(() => res.events.some((e) => e.event.type === 'reasoning'), 10_000, 'first tokens');
    const generation = res.events[0]?.event;
    if (generation?.type !== 'generation') throw new Error('no generation event');
    const stoppedAt = performance.now();
    const stop = await fetch(`${app.url}/api/chat/${generation.id}/stop`, { method: 'POST' });
    expect(stop.status).toBe(202);
    await res.done;
    const done = res.events.at(-1);
    expect(done?.event).toMatchObject({ type: 'done', finishReason: 'abort' });
    expect((done?.at ?? Number.POSITIVE_INFINITY) - stoppedAt).toBeLessThan(1000);
    expect(textOf(res.events, 'reasoning').length).toBeGreaterThan(0);
    await waitFor(
      async () => (await abortedCount(enginePort)) === before + 1,
      5000,
      'the engine to count the abort',
    );
  });

  it('aborts a reply nobody is attached to after the grace period', async () => {
    const before = await abortedCount(enginePort);
    const res = await chat(userMessage('nobody will read this'));
    await waitFor(() => res.events.length > 1, 10_000, 'first tokens');
    res.abort();
    await waitFor(
      async () => (await abortedCount(enginePort)) === before + 1,
      10_000,
      'the abandoned reply to be aborted',
    );
  });

  it('lets a browser that lost the stream reattach with no gap and no duplicate', async () => {
    await launch(['--tokens-per-second', '100', '--thinking-tokens', '100', '--answer-tokens', '100']);
    const first = await chat(userMessage('reattach me'));
    await waitFor(() => first.events.length > 5, 10_000, 'some events');
    first.abort();
    const seen = [...first.events];
    const last = seen.at(-1)?.index ?? 0;
    const generation = seen[0]?.event;
    if (generation?.type !== 'generation') throw new Error('no generation event');
    const resumed = await postStream(
      `${app.url}/api/chat/${generation.id}/stream`,
      {},
      { 'Last-Event-ID': String(last) },
    );
    expect(resumed.status).toBe(200);
    await resumed.done;
    const all = [...seen, ...resumed.events];
    expect(all.map((e) => e.index)).toEqual(all.map((_, i) => i));
    expect(all.at(-1)?.event).toMatchObject({ type: 'done', finishReason: 'stop' });
    expect(textOf(all, 'content')).toContain('reattach me');

    const gone = await postStream(`${app.url}/api/chat/00000000-0000-4000-8000-000000000000/stream`, {});
    expect(gone.status).toBe(404);
  });

  it('turns vLLM’s mid-stream error chunk into an error event, then done', async () => {
    await launch(['--tokens-per-second', '0', '--chunk-error-after', '5']);
    const res = await chat(userMessage('break please'));
    await res.done;
    const types = typesOf(res.events);
    expect(types).toContain('error');
    expect(types.at(-1)).toBe('done');
    expect(types.indexOf('error')).toBe(types.length - 2);
  });

  it('refuses what the engine refuses, with its words: a prompt longer than the context', async () => {
    await launch(['--tokens-per-second', '0'], { maxModelLen: 256 });
    const res = await chat(userMessage('word '.repeat(2000)));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'engine_rejected' } });
    expect(JSON.stringify(res.body)).toMatch(/maximum context length is 256 tokens/);
  });

  it('ends with an error event within a second when the engine dies mid-reply', async () => {
    await launch(['--tokens-per-second', '20']);
    const res = await chat(userMessage('die while answering'));
    await waitFor(() => res.events.some((e) => e.event.type === 'reasoning'), 10_000, 'first tokens');
    const { pid } = await getStatus(app.url);
    const killedAt = performance.now();
    process.kill(pid ?? 0, 'SIGKILL');
    await res.done;
    const error = res.events.find((e) => e.event.type === 'error');
    expect(error).toBeDefined();
    expect((error?.at ?? Number.POSITIVE_INFINITY) - killedAt).toBeLessThan(1000);
    expect(res.events.at(-1)?.event.type).toBe('done');
    expect(textOf(res.events, 'reasoning').length).toBeGreaterThan(0);
    await waitForState(app.url, ['crashed'], 10_000);
  });

  it.each([
    ['no messages', { messages: [] }, /messages/],
    ['last message not from the user', { messages: [{ role: 'assistant', content: 'x' }] }, /messages/],
    ['unknown role', { messages: [{ role: 'tool', content: 'x' }] }, /messages\.0/],
    [
      'a non-data image URL',
      {
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'http://x/y.png' } }] }],
      },
      /url/,
    ],
    ['temperature out of range', { ...userMessage('x'), params: { temperature: 9 } }, /params\.temperature/],
    ['a field the user cannot set', { ...userMessage('x'), params: { model: 'other' } }, /params/],
    ['max_tokens not an integer', { ...userMessage('x'), params: { max_tokens: 1.5 } }, /params\.max_tokens/],
  ])('answers 400 naming the field: %s', async (_name, body, field) => {
    const res = await chat(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(field);
  });
});
