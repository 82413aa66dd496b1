import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleDb, openConsoleDb } from './db';
import {
  closeFirstReads,
  countStreaming,
  readConversation,
  readConversations,
  readImageBlob,
  readMessages,
} from './first-read';
import { DB_NAME, STORED_VERSION } from './schema';
import { commitTurn, createConversation, listConversations, listMessages, listUnfinished } from './store';
import type { ChatMessage } from './types';

// The raw reader works on the app's own database name, as the page does.
let dexie: ConsoleDb | null = null;

afterEach(async () => {
  closeFirstReads();
  dexie?.close();
  dexie = null;
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
});

async function names(): Promise<(string | undefined)[]> {
  return (await indexedDB.databases()).map((db) => db.name);
}

const message = (conversationId: string, seq: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `${conversationId}-m${seq}`,
  conversationId,
  seq,
  role: seq % 2 === 0 ? 'user' : 'assistant',
  content: `text ${seq}`,
  createdAt: seq,
  updatedAt: seq,
  status: 'done',
  ...extra,
});

async function seeded(): Promise<ConsoleDb> {
  const db = openConsoleDb();
  // Ties on updatedAt and ids that sort unlike their times, so the order is really checked.
  await createConversation(db, { id: 'c', title: 'Third', createdAt: 0, updatedAt: 5 });
  await createConversation(db, { id: 'a', title: 'First', createdAt: 0, updatedAt: 9 });
  await createConversation(db, { id: 'b', title: 'Second', createdAt: 0, updatedAt: 5 });
  await createConversation(db, { id: 'ab', title: 'Empty', createdAt: 0, updatedAt: 1 });
  const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
  await commitTurn(db, {
    conversationId: 'a',
    add: [message('a', 10), message('a', 2), message('a', 11, { status: 'streaming' })],
    images: [{ sha256: 'k1', blob }],
    now: 9,
  });
  await commitTurn(db, { conversationId: 'b', add: [message('b', 1), message('b', 0)], now: 9 });
  return db;
}

describe('the raw first-screen reader', () => {
  it('gives the rows dexie gives, in the same order', async () => {
    dexie = await seeded();
    const conversations = await listConversations(dexie);
    // a and b tie at 9 (the turns touched them), b and c stood tied at 5: ties go by id, descending.
    expect(conversations.map((c) => c.id)).toEqual(['b', 'a', 'c', 'ab']);
    expect(await readConversations()).toEqual(conversations);
    for (const id of ['a', 'b', 'ab', 'missing']) {
      expect(await readMessages(id)).toEqual(await listMessages(dexie, id));
    }
    expect((await readMessages('a'))?.map((m) => m.seq)).toEqual([2, 10, 11]);
    expect(await readConversation('b')).toEqual(await dexie.conversations.get('b'));
    expect(await readConversation('missing')).toBeUndefined();
    expect((await readImageBlob('k1'))?.size).toBe(3);
    expect(await readImageBlob('missing')).toBeUndefined();
    expect(await countStreaming()).toBe((await listUnfinished(dexie)).length);
  });

  it('matches the version dexie stores', async () => {
    dexie = openConsoleDb();
    await dexie.open();
    expect(dexie.backendDB().version).toBe(STORED_VERSION);
  });

  it('reads an absent database as empty and does not create it', async () => {
    expect(await readConversations()).toEqual([]);
    expect(await readMessages('a')).toEqual([]);
    expect(await countStreaming()).toBe(0);
    expect(await names()).not.toContain(DB_NAME);
    // Dexie then creates it with its schema on the first write.
    closeFirstReads();
    dexie = openConsoleDb();
    await createConversation(dexie, { id: 'n', title: 'New', createdAt: 0, updatedAt: 0 });
    expect(dexie.backendDB().version).toBe(STORED_VERSION);
  });

  it('rolls back the database it would create when the browser cannot list databases', async () => {
    const databases = indexedDB.databases;
    Object.defineProperty(indexedDB, 'databases', { value: undefined, configurable: true });
    try {
      expect(await readConversations()).toEqual([]);
    } finally {
      Object.defineProperty(indexedDB, 'databases', { value: databases, configurable: true });
    }
    expect(await names()).not.toContain(DB_NAME);
    dexie = openConsoleDb();
    await createConversation(dexie, { id: 'n', title: 'New', createdAt: 0, updatedAt: 0 });
    expect(dexie.backendDB().version).toBe(STORED_VERSION);
  });

  it('answers null (dexie must read) for a database of another version', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, STORED_VERSION + 10);
      request.onupgradeneeded = () => request.result.createObjectStore('conversations', { keyPath: 'id' });
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(await readConversations()).toBeNull();
    expect(await readMessages('a')).toBeNull();
    expect(await countStreaming()).toBeNull();
  });
});
