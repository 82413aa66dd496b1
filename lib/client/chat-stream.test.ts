import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { type ChatEvent, encodeSseEvent } from '@/lib/chat/events';
import { EMPTY_REPLY, foldEvent, type ReplyState } from './chat-reply';
import { followGeneration, type SseReader } from './chat-stream';

/** A reader that yields the given SSE text chunks, then ends or throws like a dropped connection. */
function readerOf(chunks: string[], end: 'close' | 'throw' = 'close'): SseReader {
  const encoder = new TextEncoder();
  const queue = [...chunks];
  // Pull-based, so the chunks are read before the error (an errored stream drops what it queued).
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = queue.shift();
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (end === 'close') controller.close();
      else controller.error(new TypeError('network error'));
    },
  });
  return stream.getReader();
}

const EVENTS: ChatEvent[] = [
  { type: 'generation', id: 'gen-1', model: 'demo' },
  { type: 'reasoning', text: 'think ' },
  { type: 'reasoning', text: 'more' },
  { type: 'content', text: 'Hello ' },
  { type: 'content', text: 'world' },
  { type: 'usage', prompt: 3, completion: 4 },
  { type: 'done', finishReason: 'stop', ttftMs: 10, durationMs: 50 },
];
const sse = (from: number, to: number) => EVENTS.slice(from, to).map((e, i) => encodeSseEvent(e, from + i));

function harness() {
  let state: ReplyState = EMPTY_REPLY;
  const reattached: number[] = [];
  return {
    get state() {
      return state;
    },
    reattached,
    options: {
      signal: new AbortController().signal,
      onEvent: (event: ChatEvent, index: number | null) => {
        state = foldEvent(state, event, index, 0);
      },
      cursor: () => state,
      sleep: async () => {},
    },
  };
}

describe('followGeneration', () => {
  it('reads a whole stream to done', async () => {
    const h = harness();
    const outcome = await followGeneration({ ...h.options, reader: readerOf(sse(0, 7)) });
    expect(outcome).toBe('done');
    expect(h.state.content).toBe('Hello world');
  });

  it('reattaches after a drop from the last index, without repeating or skipping text', async () => {
    const h = harness();
    let reconnected = 0;
    const outcome = await followGeneration({
      ...h.options,
      reader: readerOf(sse(0, 4), 'throw'),
      onReconnected: () => reconnected++,
      reattach: async (id, after) => {
        h.reattached.push(after);
        expect(id).toBe('gen-1');
        // The server replays one event too many: the fold must drop it.
        return readerOf(sse(after, 7));
      },
    });
    expect(outcome).toBe('done');
    expect(h.reattached).toEqual([3]);
    expect(reconnected).toBe(1);
    expect(h.state.reasoning).toBe('think more');
    expect(h.state.content).toBe('Hello world');
  });

  it('treats a stream that closes before done as a drop and keeps trying with backoff', async () => {
    const h = harness();
    const waits: number[] = [];
    let calls = 0;
    const outcome = await followGeneration({
      ...h.options,
      reader: readerOf(sse(0, 2)),
      delays: [1, 2, 3],
      sleep: async (ms) => {
        waits.push(ms);
      },
      reattach: async (_id, after) => {
        calls++;
        if (calls < 3) throw new TypeError('offline');
        return readerOf(sse(after + 1, 7));
      },
    });
    expect(outcome).toBe('done');
    expect(waits).toEqual([1, 2, 3]);
    expect(h.state.content).toBe('Hello world');
  });

  it('stops when the server no longer has the generation', async () => {
    const h = harness();
    const outcome = await followGeneration({
      ...h.options,
      reader: readerOf(sse(0, 3), 'throw'),
      reattach: async () => {
        throw new ApiError(404, 'generation_not_found', 'gone');
      },
    });
    expect(outcome).toBe('expired');
    expect(h.state.reasoning).toBe('think more');
  });

  it('gives up after the last attempt and cannot reattach without a generation id', async () => {
    const h = harness();
    const noId = await followGeneration({ ...h.options, reader: readerOf([], 'throw') });
    expect(noId).toBe('failed');
    const h2 = harness();
    const outcome = await followGeneration({
      ...h2.options,
      reader: readerOf(sse(0, 1), 'throw'),
      delays: [0, 0],
      reattach: async () => readerOf([]),
    });
    expect(outcome).toBe('failed');
  });

  it('resumes a saved reply by reattaching first', async () => {
    const h = harness();
    const saved = foldEvent(
      foldEvent(EMPTY_REPLY, EVENTS[0] as ChatEvent, 0, 0),
      EVENTS[1] as ChatEvent,
      1,
      0,
    );
    let state = saved;
    const outcome = await followGeneration({
      ...h.options,
      reader: null,
      cursor: () => state,
      onEvent: (event, index) => {
        state = foldEvent(state, event, index, 0);
      },
      reattach: async (_id, after) => readerOf(sse(after + 1, 7)),
    });
    expect(outcome).toBe('done');
    expect(state.reasoning).toBe('think more');
  });
});
