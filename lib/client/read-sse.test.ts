import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { FEED_SLICE_CHARS, feedInSlices, readSse } from './read-sse';

const events = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `id: ${i + 1}\nevent: log\ndata: {"seq":${i + 1},"text":"flood line ${i + 1} \\u00e9"}\n\n`,
  ).join('');

describe('SSE reading', () => {
  it('parses a large chunk fed in slices exactly as the whole', () => {
    const text = events(2000);
    expect(text.length).toBeGreaterThan(FEED_SLICE_CHARS * 10);
    const whole: EventSourceMessage[] = [];
    createParser({ onEvent: (m) => whole.push(m) }).feed(text);
    const sliced: EventSourceMessage[] = [];
    feedInSlices(createParser({ onEvent: (m) => sliced.push(m) }), text);
    expect(sliced).toEqual(whole);
    expect(sliced).toHaveLength(2000);
    expect(sliced.at(-1)).toMatchObject({ id: '2000', event: 'log' });
  });

  it('reads a stream whose chunks split events and characters anywhere', async () => {
    const bytes = new TextEncoder().encode(events(300));
    const cuts = [0, 7, 4096, 4097, 20_000, bytes.length];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 1; i < cuts.length; i++) controller.enqueue(bytes.slice(cuts[i - 1], cuts[i]));
        controller.close();
      },
    });
    const got: EventSourceMessage[] = [];
    await readSse(stream.getReader(), (m) => got.push(m));
    expect(got).toHaveLength(300);
    expect(JSON.parse(got[150]?.data ?? '{}')).toEqual({ seq: 151, text: 'flood line 151 é' });
  });
});
