'use client';
// The messages of one conversation, in order, from IndexedDB: read raw for the first screen, then live once
// dexie has loaded (the list re-reads when a row changes). See use-stored-query.ts.
import { useStoredQuery } from '@/hooks/use-stored-query';
import { readMessages } from '@/lib/client/conversations/first-read';
import type { ChatMessage } from '@/lib/client/conversations/types';

const NONE: ChatMessage[] = [];

/** undefined while loading; an empty list for no conversation. */
export function useChatMessages(conversationId: string | null): ChatMessage[] | undefined {
  return useStoredQuery(
    async () => (conversationId ? readMessages(conversationId) : NONE),
    (store) => (conversationId ? store.listMessages(store.consoleDb(), conversationId) : NONE),
    [conversationId],
  );
}
