import 'server-only';
// Relays the engine's event stream to the client byte for byte, cut only at event boundaries (sse-events.ts
// reads the few events that carry usage or an error). A comment line goes out when the engine is silent
// (prefill), so tunnels with idle timers keep the stream open; a client that leaves aborts the engine
// request; a revoked key ends the stream with an in-band error event, as vLLM ends a failed stream.
import type { EngineAnswer } from './engine-request';
import { sseErrorEvent } from './openai-error';
import { EventCutter, isEventStream, oneLineJson, readAll } from './sse-events';

const HEARTBEAT_MS = 10_000;
const encoder = new TextEncoder();

export interface RelayHooks {
  /** Drop the final usage-only chunk (the client did not ask for it). */
  stripUsage: boolean;
  onUsage(totalTokens: number): void;
  onError(message: string): void;
  /** Called once, however the stream ends. */
  onEnd(): void;
}

export interface SseRelay {
  stream: ReadableStream<Uint8Array>;
  /** Ends the stream with an in-band error event and aborts the engine request. */
  fail(code: string, message: string): void;
}

/** The client's side of the relay: queued bytes, the heartbeat, one ending. */
class Outlet {
  controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  source: EngineAnswer | null = null;
  closed = false;
  readonly cutter: EventCutter;
  /** The client's queue is full: the engine waits until it reads. */
  private full = false;

  private lastSent = Date.now();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly hooks: RelayHooks) {
    this.cutter = new EventCutter(hooks.stripUsage, hooks.onError);
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastSent >= HEARTBEAT_MS)
        this.send(encoder.encode(`: heartbeat ${Date.now()}\n\n`));
    }, HEARTBEAT_MS / 2);
    this.heartbeat.unref();
  }

  send(bytes: Uint8Array): void {
    if (this.closed || !this.controller || bytes.byteLength === 0) return;
    this.lastSent = Date.now();
    this.controller.enqueue(bytes);
    if ((this.controller.desiredSize ?? 1) <= 0) {
      this.full = true;
      this.source?.pause();
    }
  }

  /** The client reads again. */
  drained(): void {
    this.full = false;
    this.resumeIfFree();
  }

  private resumeIfFree(): void {
    if (!this.full && !this.closed) this.source?.resume();
  }

  finish(tail?: string): void {
    if (this.closed) return;
    if (tail) this.send(encoder.encode(tail));
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.cutter.totalTokens !== null) this.hooks.onUsage(this.cutter.totalTokens);
    this.hooks.onEnd();
    try {
      this.controller?.close();
    } catch {
      // The client already went away.
    }
  }

  failWith(status: number, code: string, message: string): void {
    if (this.closed) return;
    this.hooks.onError(message);
    this.finish(sseErrorEvent(status, code, message));
  }
}

export function relaySse(
  upstream: Promise<EngineAnswer>,
  abortEngine: () => void,
  hooks: RelayHooks,
): SseRelay {
  const outlet = new Outlet(hooks);
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        outlet.controller = controller;
        // Opening comment: some proxies hold the headers back until the first body byte.
        controller.enqueue(encoder.encode(': stream open\n\n'));
        upstream.then(
          (res) => settle(res, outlet, hooks),
          (error: unknown) => {
            const text = error instanceof Error ? error.message : String(error);
            outlet.failWith(502, 'engine_unavailable', `The engine did not answer: ${text}`);
          },
        );
      },
      pull() {
        outlet.drained();
      },
      cancel() {
        // The client disconnected: the engine stops generating for no one.
        abortEngine();
        outlet.finish();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 256 * 1024 }),
  );
  return {
    stream,
    fail(code, message) {
      if (outlet.closed) return;
      abortEngine();
      outlet.failWith(401, code, message);
    },
  };
}

/** The engine's answer arrived: its event stream, or a refusal that came after the client's stream began. */
function settle(res: EngineAnswer, outlet: Outlet, hooks: RelayHooks): void {
  if (outlet.closed) {
    res.destroy();
    return;
  }
  if (isEventStream(res)) {
    pipeEvents(res, outlet);
    return;
  }
  void readAll(res).then(
    (body) => {
      hooks.onError(body);
      outlet.finish(`data: ${oneLineJson(body, res.statusCode ?? 502)}\n\n`);
    },
    () => outlet.failWith(502, 'engine_disconnected', 'The engine closed the connection.'),
  );
}

function pipeEvents(res: EngineAnswer, outlet: Outlet): void {
  outlet.source = res;
  // Each read goes out as it came, cut at event boundaries without a copy (only an event split between two
  // reads is joined). Holding reads back to gather more per read was tried: the pipeline then stalls in
  // turns and the relay fell further behind the engine (measured, bench/gateway.bench.ts).
  res.on('data', (chunk: Buffer) => {
    for (const events of outlet.cutter.push(chunk)) outlet.send(events);
  });
  res.on('end', () => outlet.finish(outlet.cutter.rest()));
  res.on('error', () =>
    outlet.failWith(502, 'engine_disconnected', 'The connection to the engine broke while answering.'),
  );
}
