// The browser database (IndexedDB `vlm-console`, through dexie). Opened lazily: nothing touches IndexedDB
// during server rendering or before a component asks for it.
// Schema changes add a `version(n)` step below (and raise STORED_VERSION in schema.ts); never edit a
// published one. Version 2 adds the `images` table: Blobs keyed by their SHA-256 (ImageRef.key), indexed by
// the conversations that use them. The page loads this module (and dexie) on first need: load-store.ts.
import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME } from './schema';
import type { ChatMessage, Conversation, StoredImage } from './types';

export { DB_NAME };

export type ConsoleDb = Dexie & {
  conversations: EntityTable<Conversation, 'id'>;
  messages: EntityTable<ChatMessage, 'id'>;
  images: EntityTable<StoredImage, 'sha256'>;
};

export function openConsoleDb(name = DB_NAME): ConsoleDb {
  const db = new Dexie(name) as ConsoleDb;
  db.version(1).stores({
    conversations: 'id, updatedAt',
    // The compound index gives a conversation's messages in order in one range read.
    messages: 'id, conversationId, [conversationId+seq], status',
  });
  // Unchanged tables carry over; the multi-entry index finds the images a deleted conversation used.
  db.version(2).stores({ images: 'sha256, *conversationIds' });
  return db;
}

let shared: ConsoleDb | null = null;

/** The app's one database connection. */
export function consoleDb(): ConsoleDb {
  shared ??= openConsoleDb();
  return shared;
}
