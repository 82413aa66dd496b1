'use client';
// The messages of one conversation, in order, live from IndexedDB (the list re-reads when a row changes).
import { useLiveQuery } from 'dexie-react-hooks';
import { consoleDb } from '@/lib/client/conversations/db';
import { listMessages } from '@/lib/client/conversations/store';
import type { ChatMessage } from '@/lib/client/conversations/types';

const NONE: ChatMessage[] = [];

/** undefined while loading; an empty list for no conversation. */
export function useChatMessages(conversationId: string | null): ChatMessage[] | undefined {
  return useLiveQuery(
    () => (conversationId ? listMessages(consoleDb(), conversationId) : NONE),
    [conversationId],
  );
}
