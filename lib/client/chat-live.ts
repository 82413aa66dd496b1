// The replies being streamed right now, outside React state: the chat session writes a new snapshot once
// per animation frame and only the one message row that shows it re-renders; the list around it does not.
// A plain store (get, set, delete, subscribe by reply id); hooks/use-chat-live.ts adapts it for React.
import type { ReplyState } from './chat-reply';

export interface LiveReply extends ReplyState {
  /** The connection dropped and a reattach is under way. */
  reconnecting: boolean;
}

type Listener = () => void;

export class LiveReplies {
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

/** The page's one live store, shared by the chat session and the message rows. */
export const liveReplies = new LiveReplies();
