// Folds the typed events of one generation into the state of a reply. Pure: the chat hook feeds it events
// (with their SSE index) and the clock, and saves or renders what comes out.
// Invariants: an event whose index is not above the last one folded is ignored, so a reattached stream that
// repeats events neither duplicates nor skips text; once `done` is folded the state no longer changes.
import type { ChatEvent } from '@/lib/chat/events';
import type { ChatMessage, MessageStatus, Usage } from './conversations/types';

export interface ReplyState {
  generationId: string | null;
  model: string | null;
  reasoning: string;
  content: string;
  /** Index of the last event folded; -1 before any. */
  lastEventId: number;
  usage: Usage | null;
  error: { code: string; message: string } | null;
  finishReason: string | null;
  ttftMs: number | null;
  durationMs: number | null;
  done: boolean;
  thinkingStartedAt: number | null;
  thinkingMs: number | null;
  reconnects: number;
}

export const EMPTY_REPLY: ReplyState = {
  generationId: null,
  model: null,
  reasoning: '',
  content: '',
  lastEventId: -1,
  usage: null,
  error: null,
  finishReason: null,
  ttftMs: null,
  durationMs: null,
  done: false,
  thinkingStartedAt: null,
  thinkingMs: null,
  reconnects: 0,
};

/** The reply state a saved row stands for, e.g. to resume it after a reload. */
export function replyFromMessage(message: ChatMessage): ReplyState {
  return {
    ...EMPTY_REPLY,
    generationId: message.generationId ?? null,
    model: message.model ?? null,
    reasoning: message.reasoning ?? '',
    content: message.content,
    lastEventId: message.lastEventId ?? -1,
    usage: message.usage ?? null,
    finishReason: message.finishReason ?? null,
    ttftMs: message.ttftMs ?? null,
    durationMs: message.durationMs ?? null,
    done: message.status !== 'streaming',
    thinkingStartedAt: message.thinkingStartedAt ?? null,
    thinkingMs: message.thinkingMs ?? null,
    reconnects: message.reconnects ?? 0,
  };
}

/** Ends the thinking clock if it runs: the answer started or the reply ended. */
function endThinking(state: ReplyState, now: number): ReplyState {
  if (state.thinkingStartedAt === null || state.thinkingMs !== null) return state;
  return { ...state, thinkingMs: Math.max(0, now - state.thinkingStartedAt) };
}

export function foldEvent(
  state: ReplyState,
  event: ChatEvent,
  index: number | null,
  now: number,
): ReplyState {
  if (state.done) return state;
  if (index !== null && index <= state.lastEventId) return state;
  const next = index === null ? state : { ...state, lastEventId: index };
  switch (event.type) {
    case 'generation':
      return { ...next, generationId: event.id, model: event.model };
    case 'reasoning':
      return {
        ...next,
        reasoning: next.reasoning + event.text,
        thinkingStartedAt: next.thinkingStartedAt ?? now,
      };
    case 'content': {
      // Whitespace-only content between thought and answer does not end the thinking yet.
      const ended = event.text.trim() === '' ? next : endThinking(next, now);
      return { ...ended, content: ended.content + event.text };
    }
    case 'usage':
      return {
        ...next,
        usage: { prompt: event.prompt, completion: event.completion, reasoning: event.reasoning },
      };
    case 'error':
      return { ...next, error: { code: event.code, message: event.message } };
    case 'done':
      return {
        ...endThinking(next, now),
        done: true,
        finishReason: event.finishReason,
        ttftMs: event.ttftMs,
        durationMs: event.durationMs,
      };
  }
}

/** The stored status a reply has reached. */
export function replyStatus(state: ReplyState): MessageStatus {
  if (state.error) return 'error';
  if (!state.done) return 'streaming';
  return state.finishReason === 'abort' ? 'stopped' : 'done';
}

/** Whether the thinking part is still the live part of the reply. */
export function isThinking(state: ReplyState): boolean {
  return !state.done && state.reasoning.length > 0 && state.thinkingMs === null;
}

/** The fields of a message row that mirror the reply. */
export function replyToMessagePatch(state: ReplyState): Partial<ChatMessage> {
  return {
    content: state.content,
    reasoning: state.reasoning,
    status: replyStatus(state),
    error: state.error?.message,
    model: state.model ?? undefined,
    generationId: state.generationId ?? undefined,
    lastEventId: state.lastEventId,
    usage: state.usage ?? undefined,
    finishReason: state.finishReason,
    ttftMs: state.ttftMs,
    durationMs: state.durationMs ?? undefined,
    thinkingStartedAt: state.thinkingStartedAt,
    thinkingMs: state.thinkingMs,
    reconnects: state.reconnects,
  };
}
