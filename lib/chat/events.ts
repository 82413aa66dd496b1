// The events `/api/chat` streams to the browser: a public contract shared by the route and the chat hook.
// Renaming a type or a field breaks clients; add optional fields instead.
// Wire framing: `id: N\nevent: <type>\ndata: <payload json>\n\n`, where the payload is the event without `type`
// (the SSE event name already carries it). A stream always ends with exactly one `done`, also after an `error`.

import { sseEvent } from '@/lib/sse';

export type ReasoningEvent = { type: 'reasoning'; text: string };
export type ContentEvent = { type: 'content'; text: string };
export type UsageEvent = {
  type: 'usage';
  prompt: number;
  completion: number;
  /** Part of `completion` spent thinking; only when the engine reports it. */
  reasoning?: number;
  /**
   * The same count under the name the OpenAI usage object gives it (`completion_tokens_details.
   * reasoning_tokens`); always equal to `reasoning` when present. Added later: older clients ignore it.
   */
  reasoningTokens?: number;
};
export type ErrorEvent = { type: 'error'; code: string; message: string };
export type DoneEvent = {
  type: 'done';
  /** The engine's finish_reason (`stop`, `length`, ...); null when the stream ended without one. */
  finishReason: string | null;
  /** ms from request start to the first reasoning or content token; null when none arrived. */
  ttftMs: number | null;
  durationMs: number;
};

/** First event of every stream: the id to reattach with or stop by, and who answers. */
export type GenerationEvent = { type: 'generation'; id: string; model: string };

export type ChatEvent = GenerationEvent | ReasoningEvent | ContentEvent | UsageEvent | ErrorEvent | DoneEvent;
export type ChatEventType = ChatEvent['type'];

// Payloads are checked by hand, not with zod: the browser decodes every event of a reply, and zod would be
// the chat page's largest library on its first load for these few fields. Unknown keys are dropped, so newer
// servers may add fields safely.

/** What is wrong with a value, or null when it fits. */
type Check = (value: unknown) => string | null;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

const expected = (what: string, value: unknown) =>
  `Invalid input: expected ${what}, received ${kindOf(value)}`;
const text: Check = (v) => (typeof v === 'string' ? null : expected('string', v));
const millis: Check = (v) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return expected('number', v);
  return v < 0 ? 'Too small: expected number to be >=0' : null;
};
const count: Check = (v) => {
  if (typeof v === 'number' && Number.isFinite(v) && !Number.isSafeInteger(v)) return expected('int', v);
  return millis(v);
};
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? null : check(v);
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null ? null : check(v);

// Payload fields per event name.
const payloadShapes: Record<ChatEventType, Record<string, Check>> = {
  generation: { id: text, model: text },
  reasoning: { text },
  content: { text },
  usage: { prompt: count, completion: count, reasoning: optional(count), reasoningTokens: optional(count) },
  error: { code: text, message: text },
  done: { finishReason: nullable(text), ttftMs: nullable(millis), durationMs: millis },
};

/** The payload's known fields, or the first problem as `where: what`. */
function checkPayload(
  shape: Record<string, Check>,
  json: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; where: string; problem: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, where: '', problem: expected('object', json) };
  }
  const data: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(shape)) {
    const value: unknown = Object.hasOwn(json, key) ? (json as Record<string, unknown>)[key] : undefined;
    const problem = check(value);
    if (problem) return { ok: false, where: ` at ${key}`, problem };
    if (value !== undefined) data[key] = value;
  }
  return { ok: true, data };
}

export const CHAT_EVENT_TYPES = Object.keys(payloadShapes) as readonly ChatEventType[];

export function isChatEventType(name: string): name is ChatEventType {
  return Object.hasOwn(payloadShapes, name);
}

/** One SSE message for `event`; `id` (a sequence number) lets a client log or dedupe what it saw. */
export function encodeSseEvent(event: ChatEvent, id?: number): string {
  const { type, ...payload } = event;
  return sseEvent(type, payload, id);
}

/** What an SSE parser (e.g. eventsource-parser) hands over per message. */
export interface SseMessage {
  event?: string;
  data: string;
}

export type DecodeResult = { ok: true; event: ChatEvent } | { ok: false; error: string };

/** Turns one parsed SSE message back into a validated `ChatEvent`; never throws. */
export function decodeSseEvent(message: SseMessage): DecodeResult {
  const name = message.event ?? 'message';
  if (!isChatEventType(name)) return { ok: false, error: `unknown event "${name}"` };
  let json: unknown;
  try {
    json = JSON.parse(message.data);
  } catch {
    return { ok: false, error: `event "${name}": data is not JSON` };
  }
  const checked = checkPayload(payloadShapes[name], json);
  if (!checked.ok) return { ok: false, error: `event "${name}"${checked.where}: ${checked.problem}` };
  // The shape for `name` let this payload through, so pairing it with `name` gives a well-formed member.
  return { ok: true, event: { type: name, ...checked.data } as ChatEvent };
}
