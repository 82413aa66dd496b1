// The engine log stream's decoder (POST /api/engine/logs): turns one parsed SSE message into a typed event.
// Pure and never throws: a message it does not know (a newer server's event) or cannot read is skipped by
// the caller, not fatal to the stream. Checks are by hand, not by schema, because a log flood brings
// hundreds of thousands of `log` events and each costs a few comparisons here.
import type { EventSourceMessage } from 'eventsource-parser';
import { ENGINE_STATES, type EngineStatus, type LogLine, type LogStream } from '@/lib/engine/types';

export type LogStreamEvent =
  | { type: 'log'; line: LogLine }
  | { type: 'status'; status: EngineStatus }
  /** Lines `from`..`to` left the server's buffer before this client read them. */
  | { type: 'gap'; from: number; to: number };

export type LogDecodeResult = { ok: true; event: LogStreamEvent } | { ok: false; error: string };

const STREAMS: ReadonlySet<unknown> = new Set<LogStream>(['stdout', 'stderr', 'system']);
const STATES: ReadonlySet<unknown> = new Set(ENGINE_STATES);

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && Number(value) >= 0;
const isLogStream = (value: unknown): value is LogStream => STREAMS.has(value);

function decodeLine(data: Fields): LogStreamEvent | null {
  const { seq, ts, stream, text } = data;
  if (!isCount(seq) || typeof ts !== 'number' || typeof text !== 'string') return null;
  if (!isLogStream(stream)) return null;
  return { type: 'log', line: { seq, ts, stream, text } };
}

function decodeStatus(data: Fields): LogStreamEvent | null {
  if (!STATES.has(data.state)) return null;
  // The supervisor's EngineStatus, sent whole; the state (what every view keys on) is checked above.
  return { type: 'status', status: data as unknown as EngineStatus };
}

function decodeGap(data: Fields): LogStreamEvent | null {
  const { from, to } = data;
  return isCount(from) && isCount(to) ? { type: 'gap', from, to } : null;
}

const DECODERS: Record<LogStreamEvent['type'], (data: Fields) => LogStreamEvent | null> = {
  log: decodeLine,
  status: decodeStatus,
  gap: decodeGap,
};

export function decodeLogEvent(message: Pick<EventSourceMessage, 'event' | 'data'>): LogDecodeResult {
  const name = message.event ?? 'message';
  const decode = Object.hasOwn(DECODERS, name) ? DECODERS[name as LogStreamEvent['type']] : undefined;
  if (!decode) return { ok: false, error: `unknown event "${name}"` };
  let json: unknown;
  try {
    json = JSON.parse(message.data);
  } catch {
    return { ok: false, error: `event "${name}": data is not JSON` };
  }
  const event = isObject(json) ? decode(json) : null;
  return event ? { ok: true, event } : { ok: false, error: `event "${name}": unexpected payload` };
}
