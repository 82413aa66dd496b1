// What a send, a regenerate or an edit-and-resend does to a conversation, worked out before anything is
// written: the turns the model is sent, and the change to store once the server accepts the request.

import { deriveTitle } from './chat-title';
import type { TurnChange } from './conversations/store';
import type { ChatMessage, ImageRef } from './conversations/types';

export interface TurnPlan {
  conversationId: string;
  /** The conversation does not exist yet; it is created with `title` when the turn is stored. */
  isNew: boolean;
  title?: string;
  /** The conversation as the model sees it; it ends with the user message being answered. */
  sent: Pick<ChatMessage, 'role' | 'content' | 'images'>[];
  /** Position of the new reply. */
  replySeq: number;
  /** The stored change, without the reply row (added when the server has accepted the request). */
  change: Omit<TurnChange, 'now'>;
}

export function planSend(
  conversationId: string,
  isNew: boolean,
  history: readonly ChatMessage[],
  text: string,
  newId: () => string,
  now = Date.now(),
  images: readonly ImageRef[] = [],
): TurnPlan {
  const seq = (history.at(-1)?.seq ?? -1) + 1;
  const user: ChatMessage = {
    id: newId(),
    conversationId,
    seq,
    role: 'user',
    content: text,
    createdAt: now,
    updatedAt: now,
    status: 'done',
    ...(images.length > 0 ? { images: [...images] } : {}),
  };
  const firstQuestion = !history.some((m) => m.role === 'user');
  const title = firstQuestion ? deriveTitle(text || imageTitle(images)) : undefined;
  return {
    conversationId,
    isNew,
    title,
    sent: [...history, user],
    replySeq: seq + 1,
    change: { conversationId, add: [user], title },
  };
}

/** A new reply in place of `replyId`; what came after it goes. Null when there is nothing to answer. */
export function planRegenerate(
  conversationId: string,
  history: readonly ChatMessage[],
  replyId: string,
): TurnPlan | null {
  const index = history.findIndex((m) => m.id === replyId);
  const reply = history[index];
  const before = history.slice(0, Math.max(0, index));
  if (reply?.role !== 'assistant' || before.at(-1)?.role !== 'user') return null;
  return {
    conversationId,
    isNew: false,
    sent: before,
    replySeq: reply.seq,
    change: { conversationId, dropFromSeq: reply.seq, add: [] },
  };
}

/** The user message `messageId` rewritten and answered anew; the turns after it go. */
export function planEdit(
  conversationId: string,
  history: readonly ChatMessage[],
  messageId: string,
  text: string,
): TurnPlan | null {
  const index = history.findIndex((m) => m.id === messageId);
  const message = history[index];
  if (message?.role !== 'user') return null;
  const next = history[index + 1];
  const firstQuestion = history.findIndex((m) => m.role === 'user') === index;
  const title = firstQuestion ? deriveTitle(text || imageTitle(message.images ?? [])) : undefined;
  return {
    conversationId,
    isNew: false,
    title,
    // The edit rewrites the text; the images it carried go with it again.
    sent: [...history.slice(0, index), { role: 'user', content: text, images: message.images }],
    replySeq: next?.seq ?? message.seq + 1,
    change: {
      conversationId,
      dropFromSeq: next?.seq,
      update: [{ id: message.id, changes: { content: text } }],
      add: [],
      title,
    },
  };
}

/** A title for a question that is only images: the first file's name. */
function imageTitle(images: readonly ImageRef[]): string {
  const name = images[0]?.name;
  return name ? name.replace(/\.[a-z0-9]+$/i, '') : '';
}
