'use client';
// The replies being streamed right now, outside React state: the generation hook writes a new snapshot once
// per animation frame and only the one message row that shows it re-renders; the list around it does not.
import { useSyncExternalStore } from 'react';
import type { ReplyState } from '@/lib/client/chat-reply';

export interface LiveReply extends ReplyState {
  /** The connection dropped and a reattach is under way. */
  reconnecting: boolean;
}

type Listener = () => void;

class LiveReplies {
  private readonly replies = new Map<string, LiveReply>();
  private readonly listeners = new Map<string, Set<Listener>>();

  get(id: string): LiveReply | undefined {
    return this.replies.get(id);
  }

  set(id: string, reply: LiveReply): void {
    this.replies.set(id, reply);
    this.emit(id);
  }

  delete(id: string): void {
    if (this.replies.delete(id)) this.emit(id);
  }

  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  private emit(id: string): void {
    for (const listener of this.listeners.get(id) ?? []) listener();
  }
}

export const liveReplies = new LiveReplies();

const serverSnapshot = () => undefined;

/** The live state of one reply, or undefined when it is not streaming in this tab. */
export function useLiveReply(messageId: string): LiveReply | undefined {
  return useSyncExternalStore(
    (listener) => liveReplies.subscribe(messageId, listener),
    () => liveReplies.get(messageId),
    serverSnapshot,
  );
}
