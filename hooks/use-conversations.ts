'use client';
// The conversation list from IndexedDB (read raw for the first screen, live once dexie has loaded: see
// use-stored-query.ts), and what can be done to a conversation as a whole: rename, delete, export, import,
// each loading dexie first if it has not loaded yet. Storage errors come back as readable messages.
import { useCallback } from 'react';
import { useStoredQuery } from '@/hooks/use-stored-query';
import { newId } from '@/lib/client/chat-ids';
import { readConversations } from '@/lib/client/conversations/first-read';
import { loadStore } from '@/lib/client/conversations/load-store';
import { storageErrorMessage } from '@/lib/client/conversations/quota';
import type { Conversation } from '@/lib/client/conversations/types';
import { downloadText, fileNameFor } from '@/lib/client/download';

// Export and import (and the schemas they validate with) load on use: the first screen needs neither.
const chatExport = () => import('@/lib/client/chat-export');

export type ActionResult = { ok: true; ids?: string[] } | { ok: false; error: string };

async function attempt(run: () => Promise<string[] | undefined>): Promise<ActionResult> {
  try {
    return { ok: true, ids: await run() };
  } catch (error) {
    return { ok: false, error: storageErrorMessage(error) };
  }
}

export function useConversations() {
  // undefined while the first read is under way, so the UI can tell "loading" from "none".
  const conversations = useStoredQuery<Conversation[]>(
    readConversations,
    (store) => store.listConversations(store.consoleDb()),
    [],
  );

  const rename = useCallback(
    (id: string, title: string) =>
      attempt(async () => {
        const store = await loadStore();
        await store.renameConversation(store.consoleDb(), id, title.trim() || 'Untitled');
        return undefined;
      }),
    [],
  );

  const remove = useCallback(
    (id: string) =>
      attempt(async () => {
        const store = await loadStore();
        await store.deleteConversation(store.consoleDb(), id);
        return undefined;
      }),
    [],
  );

  const exportOne = useCallback(async (id: string, format: 'markdown' | 'json'): Promise<ActionResult> => {
    const store = await loadStore();
    const [item] = await store.loadConversations(store.consoleDb(), [id]);
    if (!item) return { ok: false, error: 'That conversation no longer exists.' };
    const { toJsonExport, toMarkdown } = await chatExport();
    if (format === 'markdown') {
      downloadText(fileNameFor(item.conversation.title, 'md'), toMarkdown(item), 'text/markdown');
    } else {
      downloadText(fileNameFor(item.conversation.title, 'json'), toJsonExport([item]), 'application/json');
    }
    return { ok: true };
  }, []);

  const exportAll = useCallback(async (): Promise<ActionResult> => {
    const [store, { toJsonExport }] = await Promise.all([loadStore(), chatExport()]);
    const items = await store.loadConversations(store.consoleDb());
    const day = new Date().toISOString().slice(0, 10);
    downloadText(`vlm-console-conversations-${day}.json`, toJsonExport(items), 'application/json');
    return { ok: true };
  }, []);

  const importFile = useCallback(async (file: File): Promise<ActionResult> => {
    const [text, { parseImport }] = await Promise.all([file.text(), chatExport()]);
    const parsed = parseImport(text, newId);
    if (!parsed.ok) return parsed;
    if (parsed.items.length === 0) return { ok: false, error: 'The file holds no conversations.' };
    return attempt(async () => {
      const store = await loadStore();
      return store.importConversations(store.consoleDb(), parsed.items, newId);
    });
  }, []);

  return { conversations, rename, remove, exportOne, exportAll, importFile };
}
