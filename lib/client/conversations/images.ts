// The images table: one row per distinct image (by SHA-256), listing the conversations that sent it, so an
// image sent in two conversations is stored once and freed with the last of them. Callers run these inside
// their own transaction when the change must be atomic with the messages.
import type { ConsoleDb } from './db';

export interface NewImage {
  sha256: string;
  blob: Blob;
}

export async function attachImages(
  db: ConsoleDb,
  conversationId: string,
  images: readonly NewImage[],
  now: number,
): Promise<void> {
  for (const { sha256, blob } of images) {
    const row = await db.images.get(sha256);
    if (!row) await db.images.add({ sha256, blob, conversationIds: [conversationId], createdAt: now });
    else if (!row.conversationIds.includes(conversationId)) {
      await db.images.update(sha256, { conversationIds: [...row.conversationIds, conversationId] });
    }
  }
}

/** Drops the conversation from its images' owners; images no other conversation uses are deleted. */
export async function releaseImages(db: ConsoleDb, conversationId: string): Promise<void> {
  const rows = await db.images.where('conversationIds').equals(conversationId).toArray();
  for (const row of rows) {
    const rest = row.conversationIds.filter((id) => id !== conversationId);
    if (rest.length === 0) await db.images.delete(row.sha256);
    else await db.images.update(row.sha256, { conversationIds: rest });
  }
}

export async function imageBlob(db: ConsoleDb, sha256: string): Promise<Blob | undefined> {
  return (await db.images.get(sha256))?.blob;
}
