// Reads an SSE body from a fetch() reader and hands each message over; parsing is eventsource-parser's.
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export async function readSse(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  onMessage: (message: EventSourceMessage) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  const parser = createParser({ onEvent: onMessage });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}
