import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleDb, openConsoleDb } from './db';
import { imageBlob } from './images';
import { commitTurn, createConversation, deleteConversation, listMessages } from './store';
import type { ChatMessage } from './types';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function fresh(name = `test-${Math.random()}`): ConsoleDb {
  const db = openConsoleDb(name);
  opened.push(db);
  return db;
}

const userMessage = (conversationId: string, seq: number, keys: string[]): ChatMessage => ({
  id: `${conversationId}-${seq}`,
  conversationId,
  seq,
  role: 'user',
  content: 'What is this?',
  createdAt: seq,
  updatedAt: seq,
  status: 'done',
  images: keys.map((key) => ({ key, sha256: key, mediaType: 'image/jpeg', width: 10, height: 10 })),
});

describe('database version 2', () => {
  it('keeps what version 1 stored and adds the images table', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      conversations: 'id, updatedAt',
      messages: 'id, conversationId, [conversationId+seq], status',
    });
    await v1.table('conversations').add({ id: 'c1', title: 'Old', createdAt: 1, updatedAt: 1 });
    await v1.table('messages').add(userMessage('c1', 0, []));
    v1.close();

    const db = fresh(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect((await db.conversations.get('c1'))?.title).toBe('Old');
    expect(await listMessages(db, 'c1')).toHaveLength(1);
    expect(await db.images.count()).toBe(0);
  });
});

describe('images with conversations', () => {
  it('stores each image once as a Blob and frees it with the last conversation that used it', async () => {
    const db = fresh();
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    const other = new Blob([new Uint8Array([4])], { type: 'image/png' });
    for (const id of ['c1', 'c2'])
      await createConversation(db, { id, title: id, createdAt: 0, updatedAt: 0 });
    await commitTurn(db, {
      conversationId: 'c1',
      add: [userMessage('c1', 0, ['shared', 'only-c1'])],
      images: [
        { sha256: 'shared', blob },
        { sha256: 'only-c1', blob: other },
      ],
      now: 1,
    });
    await commitTurn(db, {
      conversationId: 'c2',
      add: [userMessage('c2', 0, ['shared'])],
      images: [{ sha256: 'shared', blob }],
      now: 2,
    });
    expect(await db.images.count()).toBe(2);
    expect((await db.images.get('shared'))?.conversationIds).toEqual(['c1', 'c2']);
    // The message row holds a reference only; the bytes live in the images table.
    expect(JSON.stringify((await listMessages(db, 'c1'))[0])).not.toMatch(/blob/i);
    const stored = await imageBlob(db, 'shared');
    expect(stored?.size).toBe(3);
    expect(stored?.type).toBe('image/jpeg');

    await deleteConversation(db, 'c1');
    expect(await imageBlob(db, 'only-c1')).toBeUndefined();
    expect((await db.images.get('shared'))?.conversationIds).toEqual(['c2']);
    await deleteConversation(db, 'c2');
    expect(await db.images.count()).toBe(0);
  });
});
