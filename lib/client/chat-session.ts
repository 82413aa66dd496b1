// The chat's behaviour, without React: send, regenerate, edit and resend, stop, and the resume of a reply a
// reload cut off; each reply is folded into the live store (lib/client/chat-live.ts) as it streams and into
// IndexedDB as it is saved (through dexie, loaded on first need: conversations/load-store.ts). One reply
// streams at a time. A turn is written to IndexedDB only once the server has accepted it, so a refused send
// (engine not ready, bad request) changes nothing and the draft stays.
// Shaped like LiveReplies: a snapshot, subscribe, and methods; hooks/use-chat-generation.ts adapts it.
import { ApiError, clientError } from '@/lib/api-error';
import { newId } from './chat-ids';
import { type LiveReplies, liveReplies } from './chat-live';
import { EMPTY_REPLY, replyFromMessage } from './chat-reply';
import { buildChatRequest, type ChatRequestBody } from './chat-request';
import { type Frames, type RunReplyOptions, runReply } from './chat-runner';
import type { ChatParams } from './chat-settings';
import { type SseReader, stopChat } from './chat-stream';
import { planEdit, planRegenerate, planSend, type TurnPlan } from './chat-turns';
import type { ConsoleDb } from './conversations/db';
import type { NewImage } from './conversations/images';
import { loadStore } from './conversations/load-store';
import { storageErrorMessage } from './conversations/quota';
import type { ChatMessage } from './conversations/types';
import { openChatReuploading, type SendableImage } from './image-upload';

export interface RequestOptions {
  systemPrompt: string;
  params: ChatParams;
}

export type TurnResult = { ok: true; conversationId: string } | { ok: false; error: ApiError };

export interface ChatSessionState {
  /** The reply streaming in this tab, if any. */
  active: { messageId: string; conversationId: string } | null;
  /** Why something was not saved (storage full, say). */
  notice: string | null;
}

/** What the session talks to; the browser's by default, fakes in tests. */
export interface ChatSessionDeps {
  /** Async in the browser: the database's code loads on first need. */
  db(): ConsoleDb | Promise<ConsoleDb>;
  live: LiveReplies;
  /** Opens the reply's stream; re-uploads images the server lost, found by `findBlob`. */
  open(
    body: ChatRequestBody,
    signal: AbortSignal,
    findBlob: (key: string) => Promise<Blob | undefined>,
  ): Promise<SseReader>;
  stop(generationId: string): Promise<void>;
  newId(): string;
  now(): number;
  setTimer(run: () => void, ms: number): void;
  follow?: RunReplyOptions['follow'];
  frames?: Frames;
}

const BROWSER: ChatSessionDeps = {
  db: async () => (await loadStore()).consoleDb(),
  live: liveReplies,
  open: openChatReuploading,
  stop: stopChat,
  newId,
  now: () => Date.now(),
  setTimer: (run, ms) => void setTimeout(run, ms),
};

interface Run {
  messageId: string;
  conversationId: string;
  controller: AbortController;
  generationId: string | null;
  stopRequested: boolean;
}

/** Stop asked but the server's `done` did not come: end the stream here after this long. */
export const STOP_GRACE_MS = 5000;

const NOT_REACHED = 'Could not reach the app server.';

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return clientError('network_error', NOT_REACHED, 'Check the connection and try again.');
}

export class ChatSession {
  private state: ChatSessionState = { active: null, notice: null };
  private readonly listeners = new Set<() => void>();
  private run: Run | null = null;
  private following: Promise<void> = Promise.resolve();
  private resumed: Promise<void> | null = null;
  /** The last finished reply whose live copy is still held, until its stored row has been re-read. */
  private settledId: string | null = null;

  constructor(private readonly deps: ChatSessionDeps = BROWSER) {}

  readonly getSnapshot = (): ChatSessionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async send(
    conversationId: string | null,
    text: string,
    images: readonly SendableImage[],
    options: RequestOptions,
  ): Promise<TurnResult> {
    const { newId, now } = this.deps;
    const { db, store } = await this.storage();
    const history = conversationId ? await store.listMessages(db, conversationId) : [];
    const refs = images.map((image) => image.ref);
    const id = conversationId ?? newId();
    const plan = planSend(id, conversationId === null, history, text, newId, now(), refs);
    const bytes = images.map((image) => ({ sha256: image.ref.sha256, blob: image.blob }));
    return this.startTurn(plan, options, bytes);
  }

  async regenerate(conversationId: string, replyId: string, options: RequestOptions): Promise<TurnResult> {
    const { db, store } = await this.storage();
    const plan = planRegenerate(conversationId, await store.listMessages(db, conversationId), replyId);
    return plan ? this.startTurn(plan, options) : gone('That reply no longer exists.');
  }

  async editAndResend(
    conversationId: string,
    messageId: string,
    text: string,
    options: RequestOptions,
  ): Promise<TurnResult> {
    const { db, store } = await this.storage();
    const history = await store.listMessages(db, conversationId);
    const plan = planEdit(conversationId, history, messageId, text);
    return plan ? this.startTurn(plan, options) : gone('That message no longer exists.');
  }

  stop(): void {
    const run = this.run;
    if (!run || run.stopRequested) return;
    run.stopRequested = true;
    // The server keeps what came and ends the stream with done {finishReason: 'abort'}; if it cannot be
    // asked (no id yet, or the request fails), ending the stream here keeps the text just the same.
    if (run.generationId) void this.deps.stop(run.generationId).catch(() => run.controller.abort());
    this.deps.setTimer(() => {
      if (this.run === run) run.controller.abort();
    }, STOP_GRACE_MS);
  }

  /**
   * Resumes what a reload cut off, once per session (a page mounts its effects twice in development): the
   * newest unfinished reply reattaches, older ones are marked interrupted.
   */
  resume(): Promise<void> {
    this.resumed ??= this.resumeUnfinished().catch(() => {});
    return this.resumed;
  }

  clearNotice(): void {
    this.setState({ notice: null });
  }

  /** Settles once the reply streaming now, if any, has ended and been saved. */
  idle(): Promise<void> {
    return this.following;
  }

  private async startTurn(
    plan: TurnPlan,
    options: RequestOptions,
    images: readonly NewImage[] = [],
  ): Promise<TurnResult> {
    if (this.run) {
      const error = clientError('busy', 'A reply is still streaming.', 'Stop it or wait for it to finish.');
      return { ok: false, error };
    }
    const { db, store } = await this.storage();
    const controller = new AbortController();
    // An image the server lost is uploaded again from the new message's bytes or the browser's store.
    const findBlob = async (key: string) =>
      images.find((image) => image.sha256 === key)?.blob ?? (await store.imageBlob(db, key));
    let reader: SseReader;
    try {
      const body = buildChatRequest(plan.sent, options.systemPrompt, options.params);
      reader = await this.deps.open(body, controller.signal, findBlob);
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
    const now = this.deps.now();
    const reply: ChatMessage = {
      id: this.deps.newId(),
      conversationId: plan.conversationId,
      seq: plan.replySeq,
      role: 'assistant',
      content: '',
      reasoning: '',
      status: 'streaming',
      createdAt: now,
      updatedAt: now,
    };
    try {
      if (plan.isNew) {
        const title = plan.title ?? 'New chat';
        await store.createConversation(db, {
          id: plan.conversationId,
          title,
          createdAt: now,
          updatedAt: now,
        });
      }
      await store.commitTurn(db, { ...plan.change, add: [...plan.change.add, reply], images, now });
    } catch (error) {
      controller.abort();
      const message = storageErrorMessage(error);
      this.setState({ notice: message });
      return { ok: false, error: clientError('storage', message) };
    }
    this.follow(reply, reader, controller);
    return { ok: true, conversationId: plan.conversationId };
  }

  /** Streams one reply to its saved end; `reader` null reattaches a saved reply. */
  private follow(message: ChatMessage, reader: SseReader | null, controller: AbortController): Promise<void> {
    const run: Run = {
      messageId: message.id,
      conversationId: message.conversationId,
      controller,
      generationId: message.generationId ?? null,
      stopRequested: false,
    };
    this.run = run;
    // The reply before this one has long been re-read from the store; its live copy can go.
    if (this.settledId) this.deps.live.delete(this.settledId);
    this.settledId = null;
    this.setState({ active: { messageId: message.id, conversationId: message.conversationId } });
    const { live, follow, frames } = this.deps;
    this.following = runReply({
      reader,
      initial: reader ? EMPTY_REPLY : replyFromMessage(message),
      signal: controller.signal,
      publish: (state, reconnecting) => live.set(message.id, { ...state, reconnecting }),
      save: (changes) => this.save(message.id, changes),
      onGenerationId: (id) => {
        run.generationId = id;
        if (run.stopRequested) void this.deps.stop(id).catch(() => controller.abort());
      },
      follow,
      frames,
    })
      .catch(() => {
        // The final save failed; the notice says so and the live copy stays on screen.
      })
      .then(() => {
        if (this.run === run) this.run = null;
        if (this.state.active?.messageId === message.id) this.setState({ active: null });
        // The row now holds the end state, and rows show the live copy only while theirs says streaming:
        // the copy is kept until the next reply starts, so the list has re-read the row by then.
        this.settledId = message.id;
      });
    return this.following;
  }

  private async save(id: string, changes: Partial<ChatMessage>): Promise<void> {
    try {
      const { db, store } = await this.storage();
      await store.updateMessage(db, id, changes);
    } catch (error) {
      this.setState({ notice: storageErrorMessage(error) });
      throw error;
    }
  }

  private async resumeUnfinished(): Promise<void> {
    const { db, store } = await this.storage();
    const unfinished = (await store.listUnfinished(db)).sort((a, b) => b.updatedAt - a.updatedAt);
    const [newest, ...older] = unfinished;
    for (const message of older) {
      await this.save(message.id, {
        status: 'interrupted',
        error: 'The page was closed while this reply streamed.',
      });
    }
    if (!newest || this.run) return;
    if (!newest.generationId) {
      await this.save(newest.id, {
        status: 'interrupted',
        error: 'The page was closed before the reply started.',
      });
      return;
    }
    await this.follow(newest, null, new AbortController());
  }

  /** The database and the store's functions, loading them on first use. */
  private async storage() {
    const [db, store] = await Promise.all([this.deps.db(), loadStore()]);
    return { db, store };
  }

  private setState(changes: Partial<ChatSessionState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }
}

function gone(message: string): TurnResult {
  return { ok: false, error: clientError('gone', message) };
}

let shared: ChatSession | null = null;

/** The page's one chat session: a reply keeps streaming while the person switches conversations. */
export function chatSession(): ChatSession {
  shared ??= new ChatSession();
  return shared;
}
