// Reads an SSE body from a fetch() reader and hands each message over; parsing is eventsource-parser's,
// fed in bounded slices (see log-sse.ts for why: its line search is quadratic in a large chunk).
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { feedInSlices } from './log-sse';

export async function readSse(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  onMessage: (message: EventSourceMessage) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  const parser = createParser({ onEvent: onMessage });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    feedInSlices(parser, decoder.decode(value, { stream: true }));
  }
}
