// The first screen's reads without dexie: the conversation list, one conversation's messages, an image, and
// whether a reply is left streaming, straight from IndexedDB in readonly transactions. Dexie (about 30 KB
// compressed) then loads on first need (load-store.ts) instead of with the page.
// Each read gives the same rows in the same order as its dexie twin in store.ts / images.ts, or null when it
// cannot be done this way (no IndexedDB, a database of another version or shape, an error): the caller then
// loads dexie and asks it. A database that does not exist yet (first visit) is not created here: dexie
// creates it, with its schema, on the first write.
import { DB_NAME, STORED_VERSION, STORES } from './schema';
import type { ChatMessage, Conversation, StoredImage } from './types';

type Connection = IDBDatabase | 'absent' | null;

let connecting: Promise<Connection> | null = null;

/** false when the browser says there is no such database; undefined when it cannot say. */
async function exists(name: string): Promise<boolean | undefined> {
  if (typeof indexedDB.databases !== 'function') return undefined;
  try {
    return (await indexedDB.databases()).some((db) => db.name === name);
  } catch {
    return undefined;
  }
}

/** Opens without a version (so nothing is upgraded); a database that turns out to be new is rolled back. */
function openExisting(name: string): Promise<Connection> {
  return new Promise((resolve) => {
    let isNew = false;
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      // Only a database that did not exist gets here (no version asked for): aborting undoes its creation.
      isNew = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(isNew ? 'absent' : null);
    };
    request.onsuccess = () => {
      const db = request.result;
      const fits = db.version === STORED_VERSION && STORES.every((s) => db.objectStoreNames.contains(s));
      if (!fits) {
        db.close();
        return resolve(null);
      }
      // Never hold up dexie (in this tab or another) upgrading the schema.
      db.onversionchange = () => closeFirstReads();
      resolve(db);
    };
  });
}

function connection(): Promise<Connection> {
  connecting ??= (async (): Promise<Connection> => {
    if (typeof indexedDB === 'undefined') return null;
    if ((await exists(DB_NAME)) === false) return 'absent';
    return openExisting(DB_NAME);
  })().catch(() => null);
  return connecting;
}

/** Closes the raw connection: once dexie is loaded every read goes through it. */
export function closeFirstReads(): void {
  const closing = connecting;
  connecting = null;
  void closing?.then((db) => {
    if (db && db !== 'absent') db.close();
  });
}

/** One request in a readonly transaction; `none` is the answer when the database does not exist yet. */
async function read<T>(
  store: string,
  ask: (store: IDBObjectStore) => IDBRequest,
  none: T,
): Promise<T | null> {
  const db = await connection();
  if (db === null || db === 'absent') return db === null ? null : none;
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = ask(db.transaction(store, 'readonly').objectStore(store));
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error);
    });
  } catch {
    return null;
  }
}

/** Newest first, as listConversations: the `updatedAt` index read forwards, then reversed. */
export async function readConversations(): Promise<Conversation[] | null> {
  const rows = await read<Conversation[]>('conversations', (s) => s.index('updatedAt').getAll(), []);
  return rows === null ? null : rows.reverse();
}

export function readConversation(id: string): Promise<Conversation | undefined | null> {
  return read<Conversation | undefined>('conversations', (s) => s.get(id), undefined);
}

/** In order, as listMessages: [id] sorts before [id, seq] and [id, []] after every numeric seq. */
export function readMessages(conversationId: string): Promise<ChatMessage[] | null> {
  const range = IDBKeyRange.bound([conversationId], [conversationId, []]);
  return read<ChatMessage[]>('messages', (s) => s.index('[conversationId+seq]').getAll(range), []);
}

export async function readImageBlob(sha256: string): Promise<Blob | undefined | null> {
  const row = await read<StoredImage | undefined>('images', (s) => s.get(sha256), undefined);
  return row === null ? null : row?.blob;
}

/** How many replies are marked streaming (cut off by a reload, or streaming in another tab). */
export function countStreaming(): Promise<number | null> {
  return read<number>('messages', (s) => s.index('status').count('streaming'), 0);
}
