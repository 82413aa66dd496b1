import 'server-only';
// Cuts the engine's event stream at event boundaries without decoding it: bytes of events that cannot carry
// `usage` or `error` pass as they came. Those that may are read (token counting, the console's error list),
// and the usage-only chunk the gateway asked for on the client's behalf is dropped.
import type { EngineAnswer } from './engine-request';

// What only an event that carries a `usage` or `error` key holds. Not `"usage"`: a search whose first byte is
// a quote stops at every quote of the JSON (8 times slower, measured); the key's tail is as telling.
const USAGE = Buffer.from('usage":');
const ERROR = Buffer.from('rror":');

const LF2 = Buffer.from('\n\n');
const CRLF2 = Buffer.from('\r\n\r\n');

export class EventCutter {
  /** An unfinished event: the bytes of it that came so far (views of the reads). */
  private carry: Buffer[] = [];
  /** The engine's latest usage total (with continuous usage stats every chunk has one). */
  totalTokens: number | null = null;

  constructor(
    private readonly stripUsage: boolean,
    private readonly onError: (message: string) => void,
  ) {}

  /**
   * The complete events among what arrived so far (one read at a time); an unfinished one waits for the rest of its bytes. They
   * come back as views of the reads, not a copy (at full speed a copy of every byte was, through the garbage
   * collector, a large share of the relay's cost); only an event cut between two reads is joined.
   */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let rest = chunk;
    if (this.carry.length > 0) {
      const first = firstBoundaryEnd(tailOf(this.carry, CRLF2.length - 1), chunk);
      if (first === -1) {
        this.carry.push(chunk);
        return out;
      }
      this.carry.push(chunk.subarray(0, first));
      const joined = Buffer.concat(this.carry);
      this.carry = [];
      this.emit(joined, out);
      rest = chunk.subarray(first);
    }
    const end = lastBoundary(rest);
    if (end > 0) this.emit(rest.subarray(0, end), out);
    if (end < rest.length) this.carry.push(rest.subarray(end));
    return out;
  }

  private emit(events: Buffer, out: Buffer[]): void {
    const kept = this.filter(events);
    if (kept.length > 0) out.push(kept);
  }

  /** Whatever is left when the engine ends (an event without its closing blank line). */
  rest(): string | undefined {
    return this.carry.length > 0 ? Buffer.concat(this.carry).toString('utf8') : undefined;
  }

  private filter(events: Buffer): Buffer {
    if (events.indexOf(USAGE) === -1 && events.indexOf(ERROR) === -1) return events;
    const kept: Buffer[] = [];
    let start = 0;
    while (start < events.length) {
      const lf = events.indexOf('\n\n', start);
      const end = lf === -1 ? events.length : lf + 2;
      const event = events.subarray(start, end);
      if (this.keep(event)) kept.push(event);
      start = end;
    }
    return Buffer.concat(kept);
  }

  private keep(event: Buffer): boolean {
    const data = parseData(event);
    if (!data) return true;
    const usage = readUsage(data.usage);
    if (usage !== null) this.totalTokens = usage;
    if (isRecord(data.error)) this.onError(String(data.error.message ?? 'error'));
    const isUsageOnly = usage !== null && Array.isArray(data.choices) && data.choices.length === 0;
    return !(this.stripUsage && isUsageOnly);
  }
}

/** The last `n` bytes of what `parts` hold together (fewer when they hold fewer). */
function tailOf(parts: Buffer[], n: number): Buffer {
  const tail: Buffer[] = [];
  let need = n;
  for (let i = parts.length - 1; i >= 0 && need > 0; i--) {
    const part = parts[i] as Buffer;
    const take = part.subarray(Math.max(0, part.length - need));
    tail.unshift(take);
    need -= take.length;
  }
  return Buffer.concat(tail);
}

/**
 * Index in `chunk` just past the first event boundary that ends in it, where the bytes before `chunk` end
 * with `tail` (a boundary may begin there); -1 when none does.
 */
export function firstBoundaryEnd(tail: Buffer, chunk: Buffer): number {
  let best = -1;
  const take = (end: number) => {
    if (end >= 0 && (best === -1 || end < best)) best = end;
  };
  const window = Buffer.concat([tail, chunk.subarray(0, CRLF2.length - 1)]);
  for (const separator of [LF2, CRLF2]) {
    const straddle = window.indexOf(separator, Math.max(0, tail.length - separator.length + 1));
    if (straddle !== -1) take(straddle + separator.length - tail.length);
    const inside = (best === -1 ? chunk : chunk.subarray(0, best)).indexOf(separator);
    if (inside !== -1) take(inside + separator.length);
  }
  return best;
}

/** Index just past the last complete event (`\n\n` or `\r\n\r\n`), 0 when none is complete. */
function lastBoundary(data: Buffer): number {
  const lf = data.lastIndexOf('\n\n');
  // A CRLF boundary only counts past the last LF one: searched there, not through the whole read again.
  const from = lf === -1 ? 0 : lf + 2;
  const crlf = data.subarray(from).lastIndexOf('\r\n\r\n');
  return crlf === -1 ? from : from + crlf + 4;
}

function parseData(event: Buffer): Record<string, unknown> | null {
  const data = event
    .toString('utf8')
    .split(/\r?\n/)
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

export function isEventStream(res: EngineAnswer): boolean {
  return (res.statusCode ?? 0) < 300 && String(res.headers['content-type']).includes('text/event-stream');
}

export async function readAll(res: EngineAnswer, maxBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The engine's error body on one line (an SSE data field), or an OpenAI-shaped stand-in. */
export function oneLineJson(body: string, status: number): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return JSON.stringify({
      error: { message: body.trim() || `HTTP ${status}`, type: 'api_error', code: status },
    });
  }
}
