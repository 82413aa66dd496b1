import 'server-only';
// Server-Sent Events over a streamed Response. Headers keep proxies and tunnels from buffering or
// compressing; a comment line every 15 s keeps idle timers (Cloudflare's ~100 s) from closing the stream.
// Both the request's abort signal and the stream's cancel end the stream: on some paths only one fires.

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;

const HEARTBEAT_MS = 15_000;

export interface SseSink {
  /** Queues raw SSE text; returns false once the client is gone. */
  send(text: string): boolean;
  /** Bytes queued but not yet read by the client (backpressure). */
  readonly backlog: number;
  readonly closed: boolean;
  close(): void;
}

/** The one SSE encoder, re-exported for the streams served from here. */
export { sseEvent } from '@/lib/sse';

/**
 * `start` receives the sink and returns its clean-up; `onDrain` (optional) is called when the client has
 * read what was queued, so a producer that paused for backpressure can continue.
 */
export function sseResponse(
  request: Request,
  start: (sink: SseSink) => { cleanup: () => void; onDrain?: () => void },
  headers: Record<string, string> = {},
): Response {
  const encoder = new TextEncoder();
  let closed = false;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  let handlers: { cleanup: () => void; onDrain?: () => void } | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const close = () => {
    if (closed) return;
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    handlers?.cleanup();
    try {
      controllerRef?.close();
    } catch {
      // Already closed by the client.
    }
  };

  const sink: SseSink = {
    send(text) {
      if (closed || !controllerRef) return false;
      try {
        controllerRef.enqueue(encoder.encode(text));
        return true;
      } catch {
        close();
        return false;
      }
    },
    get backlog() {
      return controllerRef ? Math.max(0, -(controllerRef.desiredSize ?? 0)) : 0;
    },
    get closed() {
      return closed;
    },
    close,
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        // Opening comment: some proxies hold the headers back until the first body byte.
        controller.enqueue(encoder.encode(': stream open\n\n'));
        handlers = start(sink);
        heartbeat = setInterval(() => sink.send(`: heartbeat ${Date.now()}\n\n`), HEARTBEAT_MS);
        heartbeat.unref();
      },
      pull() {
        handlers?.onDrain?.();
      },
      cancel() {
        close();
      },
    },
    // Count in bytes so that `backlog` means bytes waiting for a slow client.
    new ByteLengthQueuingStrategy({ highWaterMark: 256 * 1024 }),
  );
  request.signal.addEventListener('abort', close, { once: true });
  return new Response(stream, { status: 200, headers: { ...SSE_HEADERS, ...headers } });
}
