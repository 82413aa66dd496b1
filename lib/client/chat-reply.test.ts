import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '@/lib/chat/events';
import { EMPTY_REPLY, foldEvent, isThinking, type ReplyState, replyStatus } from './chat-reply';

function foldAll(events: [ChatEvent, number | null, number?][], start: ReplyState = EMPTY_REPLY) {
  return events.reduce((s, [event, index, now]) => foldEvent(s, event, index, now ?? 0), start);
}

describe('foldEvent', () => {
  it('streams thinking, then the answer, and times the thought on the client clock', () => {
    const s = foldAll([
      [{ type: 'generation', id: 'g1', model: 'm' }, 0, 0],
      [{ type: 'reasoning', text: 'Let me ' }, 1, 1000],
      [{ type: 'reasoning', text: 'think.' }, 2, 1500],
    ]);
    expect(isThinking(s)).toBe(true);
    expect(s.thinkingStartedAt).toBe(1000);
    const t = foldAll(
      [
        [{ type: 'content', text: '\n\n' }, 3, 3000],
        [{ type: 'content', text: 'Answer' }, 4, 13_000],
      ],
      s,
    );
    expect(t.reasoning).toBe('Let me think.');
    expect(t.content).toBe('\n\nAnswer');
    expect(t.thinkingMs).toBe(12_000);
    expect(isThinking(t)).toBe(false);
    expect(replyStatus(t)).toBe('streaming');
  });

  it('ignores events at or below the last index (a reattached stream that repeats)', () => {
    const s = foldAll([
      [{ type: 'content', text: 'a' }, 0],
      [{ type: 'content', text: 'b' }, 1],
      [{ type: 'content', text: 'b' }, 1],
      [{ type: 'content', text: 'a' }, 0],
      [{ type: 'content', text: 'c' }, 2],
    ]);
    expect(s.content).toBe('abc');
    expect(s.lastEventId).toBe(2);
  });

  it('keeps the partial text when stopped and freezes after done', () => {
    const s = foldAll([
      [{ type: 'reasoning', text: 'hmm' }, 0, 0],
      [{ type: 'done', finishReason: 'abort', ttftMs: 100, durationMs: 900 }, 1, 2000],
      [{ type: 'content', text: 'late' }, 2, 3000],
    ]);
    expect(replyStatus(s)).toBe('stopped');
    expect(s.content).toBe('');
    expect(s.thinkingMs).toBe(2000);
    expect(s.durationMs).toBe(900);
  });

  it('reports an error event as the status, with its message', () => {
    const s = foldAll([
      [{ type: 'content', text: 'part' }, 0],
      [{ type: 'error', code: 'engine_error', message: 'CUDA out of memory' }, 1],
      [{ type: 'done', finishReason: null, ttftMs: 5, durationMs: 10 }, 2],
    ]);
    expect(replyStatus(s)).toBe('error');
    expect(s.error?.message).toBe('CUDA out of memory');
    expect(s.content).toBe('part');
  });

  it('records usage and a normal finish', () => {
    const s = foldAll([
      [{ type: 'content', text: 'x' }, 0],
      [{ type: 'usage', prompt: 10, completion: 20, reasoning: 5 }, 1],
      [{ type: 'done', finishReason: 'stop', ttftMs: 50, durationMs: 1050 }, 2],
    ]);
    expect(s.usage).toEqual({ prompt: 10, completion: 20, reasoning: 5 });
    expect(replyStatus(s)).toBe('done');
  });
});
