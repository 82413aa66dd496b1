'use client';
// The chat view's actions (lib/client/chat-composer.ts) for React: one composer per view, told after each
// render what the view shows (as the effects it replaces did), its state through useSyncExternalStore.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ChatComposer, type ComposerContext } from '@/lib/client/chat-composer';
import type { ChatMessage } from '@/lib/client/conversations/types';

export function useChatComposer(context: Omit<ComposerContext, 'draft'> & { draft: string }) {
  // The text as it is when the send goes out (it may have changed while images finished uploading).
  const draft = useRef(context.draft);
  draft.current = context.draft;
  const current: ComposerContext = { ...context, draft: () => draft.current };
  const [composer] = useState(() => new ChatComposer(current));
  const state = useSyncExternalStore(composer.subscribe, composer.getSnapshot, composer.getSnapshot);
  useEffect(() => composer.setContext(current));

  const actions = useMemo(
    () => ({
      send: () => void composer.send(),
      regenerate: (messageId: string) => composer.regenerate(messageId),
      submitEdit: (messageId: string, text: string) => composer.submitEdit(messageId, text),
      edit: (messageId: string | null) => composer.edit(messageId),
      editLast: (messages: readonly ChatMessage[] | undefined, isBusy: boolean) =>
        composer.editLast(messages, isBusy),
      dismissEngine: () => composer.dismissEngine(),
      dismissError: () => composer.dismissError(),
    }),
    [composer],
  );
  return { ...state, ...actions };
}
