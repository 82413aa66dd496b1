// The events `/api/chat` streams to the browser: a public contract shared by the route and the chat hook.
// Renaming a type or a field breaks clients; add optional fields instead.
// Wire framing: `id: N\nevent: <type>\ndata: <payload json>\n\n`, where the payload is the event without `type`
// (the SSE event name already carries it). A stream always ends with exactly one `done`, also after an `error`.

// zod/mini: the browser decodes every event of a reply with these, and the full zod API would weigh on the
// chat page's first load.
import '@/lib/zod-config';
import * as z from 'zod/mini';
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

const count = z.number().check(z.int(), z.nonnegative());
const millis = z.number().check(z.nonnegative());

// Payload schemas per event name; `z.object` drops unknown keys, so newer servers may add fields safely.
const payloadSchemas = {
  generation: z.object({ id: z.string(), model: z.string() }),
  reasoning: z.object({ text: z.string() }),
  content: z.object({ text: z.string() }),
  usage: z.object({
    prompt: count,
    completion: count,
    reasoning: z.optional(count),
    reasoningTokens: z.optional(count),
  }),
  error: z.object({ code: z.string(), message: z.string() }),
  done: z.object({ finishReason: z.nullable(z.string()), ttftMs: z.nullable(millis), durationMs: millis }),
} satisfies Record<ChatEventType, z.ZodMiniType>;

export const CHAT_EVENT_TYPES = Object.keys(payloadSchemas) as readonly ChatEventType[];

export function isChatEventType(name: string): name is ChatEventType {
  return Object.hasOwn(payloadSchemas, name);
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
  const parsed = payloadSchemas[name].safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `event "${name}"${where}: ${issue?.message ?? 'invalid payload'}` };
  }
  // The schema for `name` produced this payload, so pairing it with `name` gives a well-formed member.
  return { ok: true, event: { type: name, ...parsed.data } as ChatEvent };
}
