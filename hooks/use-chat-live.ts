'use client';
// A message row's view of the live store (lib/client/chat-live.ts): it re-renders when its reply changes.
import { useSyncExternalStore } from 'react';
import { type LiveReply, liveReplies } from '@/lib/client/chat-live';

export type { LiveReply } from '@/lib/client/chat-live';

const serverSnapshot = () => undefined;

/** The live state of one reply, or undefined when it is not streaming in this tab. */
export function useLiveReply(messageId: string): LiveReply | undefined {
  return useSyncExternalStore(
    (listener) => liveReplies.subscribe(messageId, listener),
    () => liveReplies.get(messageId),
    serverSnapshot,
  );
}
