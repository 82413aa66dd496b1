'use client';
// The chat view's actions (lib/client/chat-composer.ts) for React: one composer per view, told after each
// render what the view shows (as the effects it replaces did), its state through useSyncExternalStore.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ChatComposer, type ComposerContext } from '@/lib/client/chat-composer';
import type { ChatMessage } from '@/lib/client/conversations/types';

type ViewContext = Omit<ComposerContext, 'draft'> & { draft: string };

export function useChatComposer(context: ViewContext) {
  // The text as it is when the send goes out (it may have changed while images finished uploading).
  const draft = useRef(context.draft);
  draft.current = context.draft;
  const current: ComposerContext = {
    ...context,
    draft: () => draft.current,
    setDraft: (text) => {
      context.setDraft(text);
      draft.current = text;
    },
  };
  const [composer] = useState(() => new ChatComposer(current));
  const state = useSyncExternalStore(composer.subscribe, composer.getSnapshot, composer.getSnapshot);
  useEffect(() => composer.setContext(current));

  const actions = useMemo(
    () => ({
      send: () => void composer.send(),
      pickExample: (prompt: string, images?: File[]) => void composer.pickExample(prompt, images),
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
