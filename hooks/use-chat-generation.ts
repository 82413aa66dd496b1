'use client';
// The chat session (lib/client/chat-session.ts) for React: its state through useSyncExternalStore, its
// actions bound to the current request options, and the resume of what a reload cut off on first mount
// (asked of dexie only when the raw first read finds a reply left streaming, so a page with none to resume
// loads dexie on first need instead).
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { chatSession, type RequestOptions } from '@/lib/client/chat-session';
import { mayHaveUnfinished } from '@/lib/client/conversations/reads';
import type { SendableImage } from '@/lib/client/image-upload';

export type { RequestOptions, TurnResult } from '@/lib/client/chat-session';

export function useChatGeneration(getOptions: () => RequestOptions) {
  const session = chatSession();
  const { active, notice } = useSyncExternalStore(
    session.subscribe,
    session.getSnapshot,
    session.getSnapshot,
  );
  const options = useRef(getOptions);
  options.current = getOptions;

  useEffect(() => {
    void mayHaveUnfinished()
      .then((may) => (may ? session.resume() : undefined))
      .catch(() => {});
  }, [session]);

  const actions = useMemo(
    () => ({
      send: (conversationId: string | null, text: string, images: readonly SendableImage[] = []) =>
        session.send(conversationId, text, images, options.current()),
      regenerate: (conversationId: string, replyId: string) =>
        session.regenerate(conversationId, replyId, options.current()),
      editAndResend: (conversationId: string, messageId: string, text: string) =>
        session.editAndResend(conversationId, messageId, text, options.current()),
      stop: () => session.stop(),
      clearNotice: () => session.clearNotice(),
    }),
    [session],
  );
  // One stable object while nothing changes, so memoised views that take it do not re-render.
  return useMemo(() => ({ active, notice, ...actions }), [active, notice, actions]);
}
