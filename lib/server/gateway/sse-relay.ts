import 'server-only';
// Relays the engine's event stream to the client byte for byte, cut only at event boundaries. Events that
// mention `usage` or `error` are read (token counting, the error list); all others pass without decoding.
// The usage chunk the gateway asked for on the client's behalf (`stream_options.include_usage`) is dropped
// from the client's view. A comment line goes out when the engine is silent (prefill), so tunnels with idle
// timers keep the stream open.
import type { IncomingMessage } from 'node:http';
import { sseErrorEvent } from './openai-error';

const HEARTBEAT_MS = 10_000;
const encoder = new TextEncoder();
const USAGE = Buffer.from('"usage"');
const ERROR = Buffer.from('"error"');

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

export function relaySse(
  upstream: Promise<IncomingMessage>,
  abortEngine: () => void,
  hooks: RelayHooks,
): SseRelay {
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let source: IncomingMessage | null = null;
  let closed = false;
  let lastSent = Date.now();
  let carry: Buffer | null = null;
  let totalTokens: number | null = null;
  const heartbeat = setInterval(() => {
    if (Date.now() - lastSent >= HEARTBEAT_MS) send(encoder.encode(`: heartbeat ${Date.now()}\n\n`));
  }, HEARTBEAT_MS / 2);
  heartbeat.unref();

  const send = (bytes: Uint8Array) => {
    if (closed || !controller || bytes.byteLength === 0) return;
    lastSent = Date.now();
    controller.enqueue(bytes);
    if ((controller.desiredSize ?? 1) <= 0) source?.pause();
  };
  const finish = (tail?: string) => {
    if (closed) return;
    if (tail) send(encoder.encode(tail));
    closed = true;
    clearInterval(heartbeat);
    if (totalTokens !== null) hooks.onUsage(totalTokens);
    hooks.onEnd();
    try {
      controller?.close();
    } catch {
      // The client already went away.
    }
  };
  const onEvent = (event: Buffer): boolean => {
    const data = parseData(event);
    if (!data) return true;
    const usage = readUsage(data.usage);
    if (usage !== null) totalTokens = usage;
    if (isRecord(data.error)) hooks.onError(String(data.error.message ?? 'error'));
    return !(hooks.stripUsage && usage !== null && Array.isArray(data.choices) && data.choices.length === 0);
  };

  const attach = (res: IncomingMessage) => {
    source = res;
    // Node's HTTP parser hands over each chunk of the engine's chunked body on its own, often dozens in one
    // network read: they are relayed together once per turn of the event loop (a chunk through a web
    // stream costs far more than the bytes in it). Cut at the last complete event; the rest waits.
    let arrived: Buffer[] = [];
    const relayArrived = () => {
      const data = Buffer.concat(carry ? [carry, ...arrived] : arrived);
      arrived = [];
      const end = lastBoundary(data);
      carry = end < data.length ? data.subarray(end) : null;
      if (end > 0) send(filterEvents(data.subarray(0, end), onEvent));
    };
    res.on('data', (chunk: Buffer) => {
      if (arrived.push(chunk) === 1) setImmediate(relayArrived);
    });
    res.on('end', () => {
      if (arrived.length > 0) relayArrived();
      finish(carry ? carry.toString('utf8') : undefined);
    });
    res.on('error', () => {
      const message = 'The connection to the engine broke while answering.';
      hooks.onError(message);
      finish(sseErrorEvent(502, 'engine_disconnected', message));
    });
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        // Opening comment: some proxies hold the headers back until the first body byte.
        c.enqueue(encoder.encode(': stream open\n\n'));
        upstream.then(
          (res) => {
            if (closed) return res.destroy();
            if (isEventStream(res)) return attach(res);
            // The engine refused after the client's stream had already begun: its error, in band.
            void readAll(res).then(
              (body) => {
                hooks.onError(body);
                finish(`data: ${oneLineJson(body, res.statusCode ?? 502)}\n\n`);
              },
              () => finish(sseErrorEvent(502, 'engine_disconnected', 'The engine closed the connection.')),
            );
          },
          (error: unknown) => {
            if (closed) return;
            const message = `The engine did not answer: ${error instanceof Error ? error.message : String(error)}`;
            hooks.onError(message);
            finish(sseErrorEvent(502, 'engine_unavailable', message));
          },
        );
      },
      pull() {
        source?.resume();
      },
      cancel() {
        // The client disconnected: the engine stops generating for no one.
        abortEngine();
        finish();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 256 * 1024 }),
  );

  return {
    stream,
    fail(code, message) {
      if (closed) return;
      abortEngine();
      hooks.onError(message);
      finish(sseErrorEvent(401, code, message));
    },
  };
}

function isEventStream(res: IncomingMessage): boolean {
  return (res.statusCode ?? 0) < 300 && String(res.headers['content-type']).includes('text/event-stream');
}

/** Index just past the last complete event (`\n\n` or `\r\n\r\n`), 0 when none is complete. */
function lastBoundary(data: Buffer): number {
  const lf = data.lastIndexOf('\n\n');
  const crlf = data.lastIndexOf('\r\n\r\n');
  return Math.max(lf === -1 ? 0 : lf + 2, crlf === -1 ? 0 : crlf + 4);
}

/** Complete events: untouched unless one may carry usage or an error; those are read, maybe dropped. */
function filterEvents(events: Buffer, keep: (event: Buffer) => boolean): Buffer {
  if (events.indexOf(USAGE) === -1 && events.indexOf(ERROR) === -1) return events;
  const kept: Buffer[] = [];
  let start = 0;
  while (start < events.length) {
    const lf = events.indexOf('\n\n', start);
    const end = lf === -1 ? events.length : lf + 2;
    const event = events.subarray(start, end);
    if (keep(event)) kept.push(event);
    start = end;
  }
  return Buffer.concat(kept);
}

function parseData(event: Buffer): Record<string, unknown> | null {
  const lines = event.toString('utf8').split(/\r?\n/);
  const data = lines
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(5).trimStart())
    .join('\n');
  if (!data || data === '[DONE]') return null;
  try {
    const value: unknown = JSON.parse(data);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Total tokens of an OpenAI `usage` object, or null when there is none. */
export function readUsage(usage: unknown): number | null {
  if (!isRecord(usage)) return null;
  if (typeof usage.total_tokens === 'number') return usage.total_tokens;
  const prompt = typeof usage.prompt_tokens === 'number' ? usage.prompt_tokens : 0;
  const completion = typeof usage.completion_tokens === 'number' ? usage.completion_tokens : 0;
  return prompt + completion;
}

export async function readAll(res: IncomingMessage, maxBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The engine's error body on one line (an SSE data field), or an OpenAI-shaped stand-in. */
function oneLineJson(body: string, status: number): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return JSON.stringify({
      error: { message: body.trim() || `HTTP ${status}`, type: 'api_error', code: status },
    });
  }
}
