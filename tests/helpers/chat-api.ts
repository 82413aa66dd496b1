// Test clients of the chat API.
import { createParser } from 'eventsource-parser';
import type { ChatEvent } from '@/lib/chat/events';
import { decodeSseEvent } from '@/lib/chat/events';

export interface IndexedEvent {
  index: number;
  event: ChatEvent;
  at: number;
}

export interface ChatStream {
  status: number;
  events: IndexedEvent[];
  /** Resolves when the server ends the stream (or the client aborts). */
  done: Promise<void>;
  abort(): void;
  body: unknown;
}

export async function postStream(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ChatStream> {
  const controller = new AbortController();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  const events: IndexedEvent[] = [];
  if (!res.headers.get('content-type')?.includes('text/event-stream')) {
    return { status: res.status, events, done: Promise.resolve(), abort: () => {}, body: await res.json() };
  }
  const parser = createParser({
    onEvent: (m) => {
      const decoded = decodeSseEvent(m);
      if (!decoded.ok) throw new Error(decoded.error);
      events.push({ index: Number(m.id), event: decoded.event, at: performance.now() });
    },
  });
  const done = (async () => {
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        parser.feed(decoder.decode(chunk.value, { stream: true }));
      }
    } catch {
      // Aborted by the test.
    }
  })();
  return { status: res.status, events, done, abort: () => controller.abort(), body: null };
}

export const textOf = (events: IndexedEvent[], type: 'reasoning' | 'content') =>
  events
    .map((e) => e.event)
    .filter((e): e is Extract<ChatEvent, { type: typeof type }> => e.type === type)
    .map((e) => e.text)
    .join('');

export const typesOf = (events: IndexedEvent[]) => events.map((e) => e.event.type);

export async function abortedCount(enginePort: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${enginePort}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('vllm:request_aborted_total'));
  return Number(line?.split(' ').at(-1) ?? 0);
}

export function userMessage(text: string) {
  return { messages: [{ role: 'user', content: text }], params: {} };
}
