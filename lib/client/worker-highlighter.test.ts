import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRequest, HighlightResponse } from './highlight-protocol';

// A stand-in for the page's Worker: it keeps what was posted, and the test answers when it likes.
class FakeWorker {
  static last: FakeWorker | null = null;
  posted: HighlightRequest[] = [];
  onmessage: ((event: { data: HighlightResponse }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(request: HighlightRequest) {
    this.posted.push(request);
  }
  terminate() {}
  answer(request: HighlightRequest, text: string) {
    const result = { tokens: [[{ content: text, offset: 0 }]] } as never;
    this.onmessage?.({ data: { id: request.id, ok: true, result } });
  }
}

async function load() {
  vi.resetModules();
  vi.stubGlobal('Worker', FakeWorker);
  const { workerHighlighter } = await import('./worker-highlighter');
  const worker = () => {
    if (!FakeWorker.last) throw new Error('no worker started');
    return FakeWorker.last;
  };
  return { plugin: workerHighlighter, worker };
}

const THEMES = ['github-light', 'github-dark'] as [never, never];

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.last = null;
});

describe('worker highlighter', () => {
  it('highlights in the worker and answers a finished block from its cache the next time', async () => {
    const { plugin, worker } = await load();
    const done = vi.fn();
    const options = { code: 'const a = 1;', language: 'ts' as never, themes: THEMES };
    expect(plugin.highlight(options, done)).toBeNull();
    const [request] = worker().posted;
    expect(request).toMatchObject({ code: 'const a = 1;', language: 'typescript' });
    worker().answer(request as HighlightRequest, 'const');
    expect(done).toHaveBeenCalledTimes(1);
    expect(plugin.highlight(options, vi.fn())).toMatchObject({ tokens: [[{ content: 'const' }]] });
    expect(worker().posted).toHaveLength(1);
  });

  it('while a block streams, sends only its newest text once the worker is free', async () => {
    const { plugin, worker } = await load();
    const callbacks = [vi.fn(), vi.fn(), vi.fn()];
    ['a', 'ab', 'abc'].forEach((code, i) => {
      plugin.highlight(
        { code, language: 'python' as never, themes: THEMES, isIncomplete: true },
        callbacks[i],
      );
    });
    expect(worker().posted.map((r) => r.code)).toEqual(['a']);
    worker().answer(worker().posted[0] as HighlightRequest, 'a');
    expect(worker().posted.map((r) => r.code)).toEqual(['a', 'abc']);
    worker().answer(worker().posted[1] as HighlightRequest, 'abc');
    expect(callbacks[0]).toHaveBeenCalledTimes(1);
    expect(callbacks[1]).not.toHaveBeenCalled();
    expect(callbacks[2]).toHaveBeenCalledTimes(1);
  });

  it('an unknown language is highlighted as plain text', async () => {
    const { plugin, worker } = await load();
    plugin.highlight({ code: 'x', language: 'no-such-language' as never, themes: THEMES }, vi.fn());
    expect(worker().posted[0]?.language).toBe('text');
  });
});
