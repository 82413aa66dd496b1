// What the browser keeps per conversation (IndexedDB through dexie). The export format in
// lib/client/chat-export.ts mirrors these shapes, so add optional fields rather than renaming.

export type MessageRole = 'user' | 'assistant';

/**
 * `streaming`: a reply still arriving (or cut off by a reload, to be resumed); `done`: finished normally;
 * `stopped`: the person pressed Stop; `interrupted`: the connection dropped and could not be resumed;
 * `error`: the engine or the server reported an error. Every state but `streaming` keeps what arrived.
 */
export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'interrupted' | 'error';

/** A reference to an image stored in its own table (issue 4); messages never carry the bytes. */
export interface ImageRef {
  /** The key of its row in the `images` table: the SHA-256 of the bytes sent. */
  key: string;
  /** The server's key after POST /api/images; requests refer to the image by it (an `image_ref` part). */
  sha256?: string;
  mediaType?: string;
  name?: string;
  width?: number;
  height?: number;
  bytes?: number;
  /** Clips only (mediaType video/…): their length in seconds. */
  durationS?: number;
}

/** An image's bytes in the `images` table, shared by every conversation that sent it. */
export interface StoredImage {
  sha256: string;
  blob: Blob;
  /** The conversations that refer to it: it is deleted with the last of them. */
  conversationIds: string[];
  createdAt: number;
}

export interface Usage {
  prompt: number;
  completion: number;
  reasoning?: number;
}

export interface Conversation {
  id: string;
  title: string;
  /** True once the person renamed it: the title is no longer derived from the first message. */
  titleEdited?: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  /** Position in the conversation; gaps are fine, order is what counts. */
  seq: number;
  role: MessageRole;
  content: string;
  createdAt: number;
  /** Bumped on every write: memoised rows compare it instead of the text. */
  updatedAt: number;
  status: MessageStatus;
  images?: ImageRef[];
  // Assistant replies only:
  reasoning?: string;
  error?: string;
  model?: string;
  generationId?: string;
  /** SSE index of the last event folded into this row; a resume asks for the events after it. */
  lastEventId?: number;
  usage?: Usage;
  finishReason?: string | null;
  ttftMs?: number | null;
  durationMs?: number;
  /** Client clock: when the thinking began and how long it lasted (null while it lasts). */
  thinkingStartedAt?: number | null;
  thinkingMs?: number | null;
  /** How often the stream was reattached after a drop. */
  reconnects?: number;
}
