// Runs one reply from its stream to its final saved row: folds events, hands the screen a snapshot once per
// animation frame, saves the partial reply about once a second (not on every token), and saves the end
// state however the stream ended. A reply whose connection could not be resumed keeps its text and is
// marked interrupted.

import { foldEvent, type ReplyState, replyToMessagePatch } from './chat-reply';
import { type FollowOptions, followGeneration, type SseReader, type StreamOutcome } from './chat-stream';
import type { ChatMessage } from './conversations/types';

export const SAVE_INTERVAL_MS = 1000;

export interface RunReplyOptions {
  /** The accepted stream, or null to resume a saved reply by reattaching. */
  reader: SseReader | null;
  initial: ReplyState;
  signal: AbortSignal;
  /** Draws the current state; called at most once per animation frame. */
  publish(state: ReplyState, reconnecting: boolean): void;
  save(changes: Partial<ChatMessage>): Promise<void>;
  /** Lets a Stop pressed before the generation id arrived find it as soon as it does. */
  onGenerationId?(id: string): void;
  /** The reattach and its waits; the network and real time unless a test gives its own. */
  follow?: Pick<FollowOptions, 'reattach' | 'sleep' | 'delays'>;
  /** Frame scheduling; the browser's animation frames unless a test gives its own. */
  frames?: Frames;
}

export interface Frames {
  request(draw: () => void): number;
  cancel(handle: number): void;
}

const ANIMATION_FRAMES: Frames = {
  request: (draw) => requestAnimationFrame(draw),
  cancel: (handle) => cancelAnimationFrame(handle),
};

const INTERRUPTED = 'The connection to the server dropped and the reply could not be resumed.';

/** The row a reply ends as. */
export function finalPatch(state: ReplyState, outcome: StreamOutcome): Partial<ChatMessage> {
  const patch = replyToMessagePatch(state);
  if (outcome === 'done') return patch;
  const thinkingMs =
    state.thinkingMs ?? (state.thinkingStartedAt !== null ? Date.now() - state.thinkingStartedAt : null);
  if (outcome === 'aborted') return { ...patch, status: 'stopped', finishReason: 'abort', thinkingMs };
  return { ...patch, status: 'interrupted', error: INTERRUPTED, thinkingMs };
}

export async function runReply(options: RunReplyOptions): Promise<ReplyState> {
  const { signal, publish, save } = options;
  const frames = options.frames ?? ANIMATION_FRAMES;
  let state = options.initial;
  let reconnecting = false;
  let frame: number | null = null;
  let dirty = false;

  const draw = () => {
    frame = null;
    publish(state, reconnecting);
  };
  const schedule = () => {
    // A hidden tab runs no animation frames: drawing waits for it to show, saving does not.
    frame ??= frames.request(draw);
  };
  const saver = setInterval(() => {
    if (!dirty) return;
    dirty = false;
    void save(replyToMessagePatch(state)).catch(() => {
      dirty = true;
    });
  }, SAVE_INTERVAL_MS);

  publish(state, false);
  let outcome: StreamOutcome;
  try {
    outcome = await followGeneration({
      ...options.follow,
      reader: options.reader,
      signal,
      cursor: () => state,
      onEvent: (event, index) => {
        const before = state.generationId;
        state = foldEvent(state, event, index, Date.now());
        if (!before && state.generationId) options.onGenerationId?.(state.generationId);
        dirty = true;
        schedule();
      },
      onReconnecting: () => {
        reconnecting = true;
        schedule();
      },
      onReconnected: () => {
        reconnecting = false;
        state = { ...state, reconnects: state.reconnects + 1 };
        dirty = true;
        schedule();
      },
    });
  } finally {
    clearInterval(saver);
    if (frame !== null) frames.cancel(frame);
  }
  const patch = finalPatch(state, outcome);
  publish(state, false);
  await save(patch);
  return state;
}
