// One-off reads for the page: through dexie once it has loaded, else with the raw first-screen reader, and
// through dexie (loaded then) when the raw reader cannot answer (first-read.ts says when).
import { countStreaming, readConversation, readImageBlob } from './first-read';
import { loadedStore, loadStore } from './load-store';
import type { Conversation } from './types';

export async function findConversation(id: string): Promise<Conversation | undefined> {
  const raw = loadedStore() ? null : await readConversation(id);
  if (raw !== null) return raw;
  const store = await loadStore();
  return store.consoleDb().conversations.get(id);
}

export async function findImageBlob(sha256: string): Promise<Blob | undefined> {
  const raw = loadedStore() ? null : await readImageBlob(sha256);
  if (raw !== null) return raw;
  const store = await loadStore();
  return store.imageBlob(store.consoleDb(), sha256);
}

/** Whether a reply may be waiting to be resumed; true when only dexie can tell. */
export async function mayHaveUnfinished(): Promise<boolean> {
  const count = loadedStore() ? null : await countStreaming();
  return count === null || count > 0;
}
