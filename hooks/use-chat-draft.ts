'use client';
// The composer's text, kept per conversation in localStorage so a reload, a crash or a refused send never
// loses what was typed.
import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'vlm-console:draft:';
const keyOf = (conversationId: string | null) => `${PREFIX}${conversationId ?? 'new'}`;

function load(conversationId: string | null): string {
  try {
    return localStorage.getItem(keyOf(conversationId)) ?? '';
  } catch {
    return '';
  }
}

export function useChatDraft(conversationId: string | null) {
  const [draft, setDraftState] = useState('');

  useEffect(() => {
    setDraftState(load(conversationId));
  }, [conversationId]);

  const setDraft = useCallback(
    (text: string) => {
      setDraftState(text);
      try {
        if (text) localStorage.setItem(keyOf(conversationId), text);
        else localStorage.removeItem(keyOf(conversationId));
      } catch {
        // Storage unavailable: the draft lives in memory only.
      }
    },
    [conversationId],
  );

  return [draft, setDraft] as const;
}
