// The browser's one SSE reader: reads a fetch() body and hands each parsed message over, for the engine log
// and the chat alike. Parsing is eventsource-parser's, fed in bounded slices: a log flood reaches the browser
// in chunks of hundreds of kilobytes, and a chunk that takes longer than a frame's budget to parse is parsed
// across several tasks, so rendering and input are not held up by one long task (the parser joins a line cut
// between two slices itself). Slices also kept eventsource-parser 3.0's search for a `\r` from every line
// start to the end of its input short (quadratic: 1.6 s of main thread for 100,000 lines, measured); 3.1
// searches once per chunk. What the messages mean is each stream's decoder's business (log-sse.ts,
// lib/chat/events.ts).
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export const FEED_SLICE_CHARS = 8192;
const BUDGET_MS = 8;

type Scheduler = { yield?: () => Promise<void> };

/** Lets the browser render and handle input. Not a timer: timers are throttled in background tabs. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Feeds `text` to the parser a slice at a time. */
export function feedInSlices(parser: { feed(chunk: string): void }, text: string): void {
  for (let at = 0; at < text.length; at += FEED_SLICE_CHARS)
    parser.feed(text.slice(at, at + FEED_SLICE_CHARS));
}

/** Reads the stream to its end; throws when the connection drops. */
export async function readSse(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  onMessage: (message: EventSourceMessage) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  const parser = createParser({ onEvent: onMessage });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const text = decoder.decode(value, { stream: true });
    let began = performance.now();
    for (let at = 0; at < text.length; at += FEED_SLICE_CHARS) {
      parser.feed(text.slice(at, at + FEED_SLICE_CHARS));
      if (performance.now() - began > BUDGET_MS) {
        await yieldToMain();
        began = performance.now();
      }
    }
  }
}
