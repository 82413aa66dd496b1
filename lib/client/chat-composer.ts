// What the chat view does with the person's actions, without React: Send (wait for the images, then start
// the turn), Regenerate, edit and resend, and the notes about why one did not go out (no engine ready, a
// refusal, an image not ready). Shaped like LiveReplies: a snapshot, subscribe, and methods;
// hooks/use-chat-composer.ts adapts it and tells it, on each render, what the view currently shows.
import { type ApiError, clientError } from '@/lib/api-error';
import type { ReadyResult } from './chat-attachments';
import type { TurnResult } from './chat-session';
import type { ChatMessage } from './conversations/types';
import type { SendableImage } from './image-upload';

export interface ComposerState {
  /** Send was pressed and the message has not been accepted or refused yet. */
  sending: boolean;
  error: ApiError | null;
  /** An action needed a model and none is ready: the view offers to open the console. */
  needsEngine: boolean;
  /** The user message being edited in place. */
  editingId: string | null;
}

/** What the view shows now and what its actions go to; given again on every render. */
export interface ComposerContext {
  conversationId: string | null;
  isReady: boolean;
  /** The text as it is when the send goes out (it may change while images finish uploading). */
  draft(): string;
  turns: {
    send(conversationId: string | null, text: string, images: readonly SendableImage[]): Promise<TurnResult>;
    regenerate(conversationId: string, replyId: string): Promise<TurnResult>;
    editAndResend(conversationId: string, messageId: string, text: string): Promise<TurnResult>;
  };
  /** Puts text in the composer (an example picked from the empty state). */
  setDraft(text: string): void;
  attachments: {
    add(files: readonly File[]): Promise<void>;
    whenReady(): Promise<ReadyResult>;
    remove(ids: readonly string[]): void;
  };
  /** The server took the message (`from`: the conversation it was sent in, null for a new one). */
  onAccepted(conversationId: string, from: string | null): void;
}

const INITIAL: ComposerState = { sending: false, error: null, needsEngine: false, editingId: null };

export class ChatComposer {
  private state = INITIAL;
  private readonly listeners = new Set<() => void>();

  constructor(private context: ComposerContext) {}

  readonly getSnapshot = (): ComposerState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A different conversation starts clean; a model that became ready clears the call for one. */
  setContext(context: ComposerContext): void {
    const previous = this.context;
    this.context = context;
    if (context.conversationId !== previous.conversationId) {
      this.setState({ editingId: null, error: null, needsEngine: false });
    } else if (context.isReady && !previous.isReady && this.state.needsEngine) {
      this.setState({ needsEngine: false });
    }
  }

  async send(): Promise<void> {
    // The conversation Send was pressed in, even if the person switches while the images finish.
    const { conversationId, isReady, attachments } = this.context;
    if (!isReady) return this.setState({ needsEngine: true });
    this.setState({ sending: true, error: null });
    // Send waits for images still being prepared or uploaded.
    const images = await attachments.whenReady();
    if (!images.ok) {
      return this.setState({ sending: false, error: clientError('image_not_ready', images.error) });
    }
    const { turns, draft } = this.context;
    const result = await turns.send(conversationId, draft(), images.images);
    this.setState({ sending: false });
    if (!result.ok) return this.refused(result.error);
    this.context.onAccepted(result.conversationId, conversationId);
    this.context.attachments.remove(images.ids);
  }

  /** An example from the empty state: into the composer (with its picture), sent when a model is ready. */
  async pickExample(prompt: string, images: readonly File[] = []): Promise<void> {
    this.context.setDraft(prompt);
    if (images.length > 0) await this.context.attachments.add(images);
    if (this.context.isReady) void this.send();
  }

  async regenerate(messageId: string): Promise<void> {
    const { conversationId, isReady, turns } = this.context;
    if (!conversationId) return;
    if (!isReady) return this.setState({ needsEngine: true });
    this.setState({ error: null });
    const result = await turns.regenerate(conversationId, messageId);
    if (!result.ok) this.refused(result.error);
  }

  /** Null when the edit went out; otherwise what to show beside the edited message. */
  async submitEdit(messageId: string, text: string): Promise<string | null> {
    const { conversationId, isReady, turns } = this.context;
    if (!conversationId) return null;
    if (!isReady) return 'Start a model first: no engine is ready to answer.';
    const result = await turns.editAndResend(conversationId, messageId, text);
    if (!result.ok) return `${result.error.message}${result.error.hint ? ` ${result.error.hint}` : ''}`;
    this.setState({ editingId: null });
    return null;
  }

  edit(messageId: string | null): void {
    this.setState({ editingId: messageId });
  }

  /** ↑ in an empty composer: edit the last question, unless a reply is streaming. */
  editLast(messages: readonly ChatMessage[] | undefined, isBusy: boolean): void {
    const last = messages?.findLast((m) => m.role === 'user');
    if (last && !isBusy) this.edit(last.id);
  }

  dismissEngine(): void {
    this.setState({ needsEngine: false });
  }

  dismissError(): void {
    this.setState({ error: null });
  }

  private refused(error: ApiError): void {
    if (error.code === 'engine_not_ready') this.setState({ needsEngine: true });
    else this.setState({ error });
  }

  private setState(changes: Partial<ComposerState>): void {
    // Like React's setState: nothing changed, nothing re-renders (a view reset on every conversation switch).
    const keys = Object.keys(changes) as (keyof ComposerState)[];
    if (keys.every((key) => Object.is(this.state[key], changes[key]))) return;
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }
}
