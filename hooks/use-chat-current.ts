'use client';
// Which conversation is open, remembered across reloads (localStorage). null: a new, unsaved conversation.
// A remembered conversation that no longer exists (deleted in another tab) gives way to a new one; the
// database decides that, not the live list, which may lag a conversation created or imported a moment ago.
import { useCallback, useEffect, useState } from 'react';
import { findConversation } from '@/lib/client/conversations/reads';
import type { Conversation } from '@/lib/client/conversations/types';

const KEY = 'vlm-console:current-conversation';

export function useChatCurrent(conversations: Conversation[] | undefined) {
  const [currentId, setCurrentIdState] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    try {
      setCurrentIdState(localStorage.getItem(KEY));
    } catch {
      // Storage unavailable: start with a new conversation.
    }
    setRestored(true);
  }, []);

  const setCurrentId = useCallback((id: string | null) => {
    setCurrentIdState(id);
    try {
      if (id) localStorage.setItem(KEY, id);
      else localStorage.removeItem(KEY);
    } catch {
      // Not remembered; fine for this session.
    }
  }, []);

  useEffect(() => {
    if (!conversations || !currentId || conversations.some((c) => c.id === currentId)) return;
    let cancelled = false;
    void findConversation(currentId).then((found) => {
      if (!found && !cancelled) setCurrentId(null);
    });
    return () => {
      cancelled = true;
    };
  }, [conversations, currentId, setCurrentId]);

  return { currentId, setCurrentId, restored };
}
