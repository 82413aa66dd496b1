// Follows one generation of POST /api/chat to its `done`, reattaching by itself when the connection drops.
// The cursor (last event index folded) comes from the caller's fold, so a reattached stream resumes right
// after what is on screen: nothing is repeated and nothing skipped. Network access is injectable for tests.
import type { EventSourceMessage } from 'eventsource-parser';
import type { ReattachBody } from '@/lib/api/chat';
import { ApiError } from '@/lib/api-error';
import { type ChatEvent, decodeSseEvent } from '@/lib/chat/events';
import type { ChatRequestBody } from './chat-request';
import { ENDPOINTS } from './endpoints';
import { openEventStream, postJson } from './http';
import { readSse } from './read-sse';

export type SseReader = ReadableStreamDefaultReader<Uint8Array>;

/** `expired`: the server no longer has the generation; `failed`: the drop could not be recovered. */
export type StreamOutcome = 'done' | 'aborted' | 'expired' | 'failed';

export interface StreamCursor {
  generationId: string | null;
  lastEventId: number;
  done: boolean;
}

export interface FollowOptions {
  /** The accepted response's body, or null to begin by reattaching (a reply resumed after a reload). */
  reader: SseReader | null;
  signal: AbortSignal;
  onEvent(event: ChatEvent, index: number | null): void;
  cursor(): StreamCursor;
  onReconnecting?(attempt: number): void;
  onReconnected?(): void;
  reattach?(generationId: string, after: number, signal: AbortSignal): Promise<SseReader>;
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  /** Waits before each reattach attempt; one attempt per entry. */
  delays?: readonly number[];
}

const DEFAULT_DELAYS = [300, 1000, 2000, 4000, 8000, 8000] as const;

/** Starts a reply; throws ApiError when the server refuses it (409 engine not ready, 400, 4xx engine). */
export function openChat(body: ChatRequestBody, signal: AbortSignal): Promise<SseReader> {
  return openEventStream(ENDPOINTS.chat, body, signal);
}

export function reattachChat(generationId: string, after: number, signal: AbortSignal): Promise<SseReader> {
  const body: ReattachBody = { after };
  return openEventStream(ENDPOINTS.chatStream(generationId), body, signal, String(after));
}

/** Asks the server to stop; the stream then ends with done {finishReason: 'abort'}. */
export async function stopChat(generationId: string): Promise<void> {
  await postJson(ENDPOINTS.chatStop(generationId));
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The server said the generation is gone (404 expired, 410 start no longer kept) or refuses the cursor. */
function isGone(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408;
}

export async function followGeneration(options: FollowOptions): Promise<StreamOutcome> {
  const { signal, onEvent, cursor } = options;
  const reattach = options.reattach ?? reattachChat;
  const sleep = options.sleep ?? wait;
  const delays = options.delays ?? DEFAULT_DELAYS;
  const onMessage = (message: EventSourceMessage) => {
    const decoded = decodeSseEvent(message);
    if (!decoded.ok) return;
    const index = message.id !== undefined && /^\d+$/.test(message.id) ? Number(message.id) : null;
    onEvent(decoded.event, index);
  };

  let reader = options.reader;
  let attempt = 0;
  for (;;) {
    if (reader) {
      const before = cursor().lastEventId;
      try {
        await readSse(reader, onMessage);
      } catch {
        // The connection dropped mid-stream; handled below like an early end.
      }
      reader = null;
      // Only a stream that delivered something earns a fresh set of attempts, so a server that keeps
      // accepting and closing at once cannot keep the loop going forever.
      if (cursor().lastEventId > before) attempt = 0;
    }
    if (cursor().done) return 'done';
    if (signal.aborted) return 'aborted';
    const { generationId, lastEventId } = cursor();
    if (!generationId || attempt >= delays.length) return 'failed';
    options.onReconnecting?.(attempt + 1);
    await sleep(delays[attempt] ?? 1000, signal);
    attempt++;
    if (signal.aborted) return 'aborted';
    try {
      reader = await reattach(generationId, lastEventId, signal);
      options.onReconnected?.();
    } catch (error) {
      if (signal.aborted) return 'aborted';
      if (isGone(error)) return 'expired';
    }
  }
}
