// Reads and writes of conversations and messages. Every multi-row change runs in one transaction, so a
// conversation never shows half an edit. Functions take the database so tests can pass their own.
import Dexie from 'dexie';
import type { ConversationWithMessages } from '../chat-export';
import type { ConsoleDb } from './db';
import { attachImages, type NewImage, releaseImages } from './images';
import type { ChatMessage, Conversation } from './types';

export function listConversations(db: ConsoleDb): Promise<Conversation[]> {
  return db.conversations.orderBy('updatedAt').reverse().toArray();
}

export function listMessages(db: ConsoleDb, conversationId: string): Promise<ChatMessage[]> {
  return db.messages
    .where('[conversationId+seq]')
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
    .toArray();
}

export async function createConversation(db: ConsoleDb, conversation: Conversation): Promise<void> {
  await db.conversations.add(conversation);
}

export interface TurnChange {
  conversationId: string;
  /** Messages at or after this position go first (regenerate, edit and resend). */
  dropFromSeq?: number;
  /** Rows to rewrite before the new ones (the edited user message). */
  update?: { id: string; changes: Partial<ChatMessage> }[];
  add: ChatMessage[];
  /** Set the title too (the first message of a new conversation). */
  title?: string;
  /** The bytes of images the added messages refer to, stored in the same transaction. */
  images?: readonly NewImage[];
  now: number;
}

/** Applies one turn: drop what it replaces, rewrite, add, and touch the conversation. */
export async function commitTurn(db: ConsoleDb, change: TurnChange): Promise<void> {
  await db.transaction('rw', db.conversations, db.messages, db.images, async () => {
    const { conversationId, dropFromSeq } = change;
    if (dropFromSeq !== undefined) {
      await db.messages
        .where('[conversationId+seq]')
        .between([conversationId, dropFromSeq], [conversationId, Dexie.maxKey], true, true)
        .delete();
    }
    for (const { id, changes } of change.update ?? []) {
      await db.messages.update(id, { ...changes, updatedAt: change.now });
    }
    await db.messages.bulkAdd(change.add);
    if (change.images?.length) await attachImages(db, conversationId, change.images, change.now);
    const conversation = await db.conversations.get(conversationId);
    if (conversation) {
      const title = change.title && !conversation.titleEdited ? { title: change.title } : {};
      await db.conversations.update(conversationId, { updatedAt: change.now, ...title });
    }
  });
}

export async function updateMessage(
  db: ConsoleDb,
  id: string,
  changes: Partial<ChatMessage>,
  now = Date.now(),
): Promise<void> {
  await db.messages.update(id, { ...changes, updatedAt: now });
}

export async function renameConversation(db: ConsoleDb, id: string, title: string): Promise<void> {
  await db.conversations.update(id, { title, titleEdited: true });
}

export async function deleteConversation(db: ConsoleDb, id: string): Promise<void> {
  await db.transaction('rw', db.conversations, db.messages, db.images, async () => {
    await db.messages.where('conversationId').equals(id).delete();
    await releaseImages(db, id);
    await db.conversations.delete(id);
  });
}

export async function loadConversations(db: ConsoleDb, ids?: string[]): Promise<ConversationWithMessages[]> {
  const conversations = ids
    ? (await db.conversations.bulkGet(ids)).filter((c): c is Conversation => c !== undefined)
    : await listConversations(db);
  return Promise.all(
    conversations.map(async (conversation) => ({
      conversation,
      messages: await listMessages(db, conversation.id),
    })),
  );
}

/**
 * Stores imported conversations. One whose id already exists comes in as a copy with new ids, so an import
 * never overwrites what is there. Returns the ids stored.
 */
export async function importConversations(
  db: ConsoleDb,
  items: readonly ConversationWithMessages[],
  newId: () => string,
): Promise<string[]> {
  const ids: string[] = [];
  await db.transaction('rw', db.conversations, db.messages, async () => {
    for (const { conversation, messages } of items) {
      const clash =
        (await db.conversations.get(conversation.id)) !== undefined ||
        (await db.messages.bulkGet(messages.map((m) => m.id))).some((m) => m !== undefined);
      const id = clash ? newId() : conversation.id;
      await db.conversations.add({ ...conversation, id });
      await db.messages.bulkAdd(
        messages.map((m) => ({ ...m, conversationId: id, id: clash ? newId() : m.id })),
      );
      ids.push(id);
    }
  });
  return ids;
}

/** Replies left `streaming` by a closed tab or a reload: candidates to resume. */
export function listUnfinished(db: ConsoleDb): Promise<ChatMessage[]> {
  return db.messages.where('status').equals('streaming').toArray();
}
