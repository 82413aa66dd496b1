import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConsoleDb, openConsoleDb } from './db';
import {
  commitTurn,
  createConversation,
  deleteConversation,
  importConversations,
  listConversations,
  listMessages,
  listUnfinished,
  loadConversations,
  renameConversation,
} from './store';
import type { ChatMessage } from './types';

let db: ConsoleDb;
let n = 0;
const newId = () => `id-${++n}`;

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

beforeEach(async () => {
  db = openConsoleDb(`test-${Math.random()}`);
  await createConversation(db, { id: 'c1', title: 'New chat', createdAt: 0, updatedAt: 0 });
});

afterEach(async () => {
  await db.delete();
});

describe('conversation store', () => {
  it('keeps messages in order per conversation and sets the title once', async () => {
    await commitTurn(db, {
      conversationId: 'c1',
      add: [message('c1', 0), message('c1', 1)],
      title: 'First question',
      now: 10,
    });
    await commitTurn(db, { conversationId: 'c1', add: [message('c1', 3), message('c1', 2)], now: 20 });
    expect((await listMessages(db, 'c1')).map((m) => m.seq)).toEqual([0, 1, 2, 3]);
    const [c] = await listConversations(db);
    expect(c).toMatchObject({ title: 'First question', updatedAt: 20 });
  });

  it('drops the later turns when a message is edited and resent', async () => {
    await commitTurn(db, { conversationId: 'c1', add: [0, 1, 2, 3].map((s) => message('c1', s)), now: 1 });
    await commitTurn(db, {
      conversationId: 'c1',
      dropFromSeq: 1,
      update: [{ id: 'c1-m0', changes: { content: 'edited' } }],
      add: [message('c1', 1, { id: 'reply', status: 'streaming' })],
      now: 2,
    });
    const rows = await listMessages(db, 'c1');
    expect(rows.map((m) => [m.id, m.content])).toEqual([
      ['c1-m0', 'edited'],
      ['reply', 'text 1'],
    ]);
    expect((await listUnfinished(db)).map((m) => m.id)).toEqual(['reply']);
  });

  it('does not let a rename be overwritten by a derived title', async () => {
    await renameConversation(db, 'c1', 'Mine');
    await commitTurn(db, { conversationId: 'c1', add: [message('c1', 0)], title: 'Derived', now: 5 });
    expect((await listConversations(db))[0]?.title).toBe('Mine');
  });

  it('deletes a conversation with its messages', async () => {
    await commitTurn(db, { conversationId: 'c1', add: [message('c1', 0)], now: 1 });
    await deleteConversation(db, 'c1');
    expect(await listConversations(db)).toEqual([]);
    expect(await db.messages.count()).toBe(0);
  });

  it('imports alongside what exists, as a copy when the ids clash', async () => {
    await commitTurn(db, { conversationId: 'c1', add: [message('c1', 0)], now: 1 });
    const items = await loadConversations(db);
    const ids = await importConversations(db, items, newId);
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe('c1');
    expect(await db.conversations.count()).toBe(2);
    expect((await listMessages(db, ids[0] ?? '')).map((m) => m.content)).toEqual(['text 0']);
  });
});
