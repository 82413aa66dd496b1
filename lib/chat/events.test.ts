import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { type ChatEvent, decodeSseEvent, encodeSseEvent } from './events';

const samples: ChatEvent[] = [
  { type: 'reasoning', text: 'Line one\nline two\r\n\u2028 "quoted" </think> ✓' },
  { type: 'content', text: 'data: not a field\n\nevent: nor this' },
  { type: 'usage', prompt: 31, completion: 21, reasoning: 9 },
  { type: 'usage', prompt: 31, completion: 21, reasoning: 9, reasoningTokens: 9 },
  { type: 'usage', prompt: 31, completion: 21 },
  { type: 'error', code: 'InternalServerError', message: 'CUDA out of memory' },
  { type: 'done', finishReason: 'length', ttftMs: 812.5, durationMs: 4021 },
  { type: 'done', finishReason: null, ttftMs: null, durationMs: 0 },
];

function parseSse(text: string): EventSourceMessage[] {
  const messages: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => messages.push(message) });
  // Feed in small slices: a browser gets the stream in arbitrary pieces.
  for (let i = 0; i < text.length; i += 7) parser.feed(text.slice(i, i + 7));
  return messages;
}

describe('encodeSseEvent', () => {
  it('frames an event with id, name and a one-line JSON payload without the type', () => {
    expect(encodeSseEvent({ type: 'content', text: 'a\nb' }, 3)).toBe(
      'id: 3\nevent: content\ndata: {"text":"a\\nb"}\n\n',
    );
    expect(encodeSseEvent({ type: 'usage', prompt: 1, completion: 2 })).toBe(
      'event: usage\ndata: {"prompt":1,"completion":2}\n\n',
    );
  });
});

describe('decodeSseEvent', () => {
  it('round-trips every event type through a real SSE parser', () => {
    const wire = samples.map((event, i) => encodeSseEvent(event, i)).join('');
    const messages = parseSse(wire);
    expect(messages.map((m) => m.id)).toEqual(samples.map((_, i) => String(i)));
    expect(messages.map((m) => decodeSseEvent(m))).toEqual(samples.map((event) => ({ ok: true, event })));
  });

  it('drops unknown payload fields so servers can add some', () => {
    const decoded = decodeSseEvent({ event: 'content', data: '{"text":"hi","extra":1,"type":"reasoning"}' });
    expect(decoded).toEqual({ ok: true, event: { type: 'content', text: 'hi' } });
  });

  it.each([
    ['no event name', { data: '{"text":"hi"}' }, 'unknown event "message"'],
    ['an unknown event name', { event: 'thinking', data: '{"text":"hi"}' }, 'unknown event "thinking"'],
    ['data that is not JSON', { event: 'content', data: '{"text":' }, 'not JSON'],
    ['a JSON array', { event: 'content', data: '["hi"]' }, 'event "content"'],
    ['a missing field', { event: 'error', data: '{"code":"x"}' }, 'at message'],
    ['a wrongly typed field', { event: 'reasoning', data: '{"text":42}' }, 'at text'],
    ['a negative token count', { event: 'usage', data: '{"prompt":-1,"completion":2}' }, 'at prompt'],
    ['a fractional token count', { event: 'usage', data: '{"prompt":1,"completion":2.5}' }, 'at completion'],
    [
      'a string ttft',
      { event: 'done', data: '{"finishReason":null,"ttftMs":"5","durationMs":9}' },
      'at ttftMs',
    ],
    ['a missing finishReason', { event: 'done', data: '{"ttftMs":null,"durationMs":9}' }, 'at finishReason'],
    ['an inherited property name', { event: 'toString', data: '{}' }, 'unknown event "toString"'],
  ])('rejects %s', (_, message, error) => {
    const decoded = decodeSseEvent(message);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toContain(error);
  });
});
