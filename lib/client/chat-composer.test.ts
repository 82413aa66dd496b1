import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import type { ReadyResult } from './chat-attachments';
import { ChatComposer, type ComposerContext } from './chat-composer';
import type { TurnResult } from './chat-session';

const accepted = (conversationId: string): TurnResult => ({ ok: true, conversationId });
const refused = (error: ApiError): TurnResult => ({ ok: false, error });

function context(overrides: Partial<ComposerContext> = {}): ComposerContext {
  return {
    conversationId: 'c1',
    isReady: true,
    draft: () => 'Hello',
    turns: {
      send: vi.fn(async () => accepted('c1')),
      regenerate: vi.fn(async () => accepted('c1')),
      editAndResend: vi.fn(async () => accepted('c1')),
    },
    setDraft: vi.fn(),
    attachments: {
      add: vi.fn(async () => {}),
      whenReady: async (): Promise<ReadyResult> => ({ ok: true, images: [], ids: ['a1'] }),
      remove: vi.fn(),
    },
    onAccepted: vi.fn(),
    ...overrides,
  };
}

describe('ChatComposer', () => {
  it('sends the draft as it is once the images are ready, then clears what was sent', async () => {
    let text = 'Hel';
    let release!: (result: ReadyResult) => void;
    const ctx = context({
      draft: () => text,
      attachments: {
        add: vi.fn(async () => {}),
        whenReady: () => new Promise((resolve) => (release = resolve)),
        remove: vi.fn(),
      },
    });
    const composer = new ChatComposer(ctx);
    const sending = composer.send();
    expect(composer.getSnapshot().sending).toBe(true);
    text = 'Hello';
    release({ ok: true, images: [], ids: ['a1'] });
    await sending;
    expect(ctx.turns.send).toHaveBeenCalledWith('c1', 'Hello', []);
    expect(ctx.onAccepted).toHaveBeenCalledWith('c1', 'c1');
    expect(ctx.attachments.remove).toHaveBeenCalledWith(['a1']);
    expect(composer.getSnapshot()).toMatchObject({ sending: false, error: null });
  });

  it('asks for an engine instead of sending when none is ready, or when the server says so', async () => {
    const ctx = context({ isReady: false });
    const composer = new ChatComposer(ctx);
    await composer.send();
    expect(ctx.turns.send).not.toHaveBeenCalled();
    expect(composer.getSnapshot().needsEngine).toBe(true);
    composer.setContext({ ...ctx, isReady: true });
    expect(composer.getSnapshot().needsEngine).toBe(false);
    ctx.turns.regenerate = async () => refused(new ApiError(409, 'engine_not_ready', 'No model is ready.'));
    await composer.regenerate('r1');
    expect(composer.getSnapshot()).toMatchObject({ needsEngine: true, error: null });
  });

  it('keeps the draft and shows why when a send is refused or an image is not ready', async () => {
    const error = new ApiError(400, 'engine_rejected', 'The engine refused the request: too long');
    const ctx = context({ turns: { ...context().turns, send: async () => refused(error) } });
    const composer = new ChatComposer(ctx);
    await composer.send();
    expect(composer.getSnapshot().error).toBe(error);
    expect(ctx.onAccepted).not.toHaveBeenCalled();
    expect(ctx.attachments.remove).not.toHaveBeenCalled();
    composer.setContext({
      ...ctx,
      attachments: {
        ...ctx.attachments,
        whenReady: async () => ({ ok: false, error: '“a.png” cannot be sent' }),
      },
    });
    await composer.send();
    expect(composer.getSnapshot().error).toMatchObject({
      code: 'image_not_ready',
      message: '“a.png” cannot be sent',
    });
  });

  it('edits in place: the last question on ↑, closed once resent, the refusal shown beside it', async () => {
    const ctx = context();
    const composer = new ChatComposer(ctx);
    const messages = [
      { id: 'u1', role: 'user' as const },
      { id: 'r1', role: 'assistant' as const },
    ].map((m, seq) => ({
      ...m,
      conversationId: 'c1',
      seq,
      content: '',
      createdAt: 0,
      updatedAt: 0,
      status: 'done' as const,
    }));
    composer.editLast(messages, true);
    expect(composer.getSnapshot().editingId).toBeNull();
    composer.editLast(messages, false);
    expect(composer.getSnapshot().editingId).toBe('u1');
    expect(await composer.submitEdit('u1', 'Hi again')).toBeNull();
    expect(composer.getSnapshot().editingId).toBeNull();
    ctx.turns.editAndResend = async () =>
      refused(new ApiError(409, 'busy', 'A reply is still streaming.', 'Stop it or wait for it to finish.'));
    expect(await composer.submitEdit('u1', 'x')).toBe(
      'A reply is still streaming. Stop it or wait for it to finish.',
    );
    composer.edit('u1');
    composer.setContext({ ...ctx, conversationId: 'c2' });
    expect(composer.getSnapshot()).toMatchObject({ editingId: null, error: null, needsEngine: false });
  });

  it('puts a picked example in the composer with its picture, and sends it when a model is ready', async () => {
    let text = '';
    const picture = new File(['png'], 'receipt.png', { type: 'image/png' });
    const ctx = context({
      draft: () => text,
      setDraft: (t) => {
        text = t;
      },
    });
    await new ChatComposer(ctx).pickExample('Read this receipt', [picture]);
    expect(ctx.attachments.add).toHaveBeenCalledWith([picture]);
    await vi.waitFor(() => expect(ctx.turns.send).toHaveBeenCalledWith('c1', 'Read this receipt', []));
    const idle = context({ isReady: false });
    await new ChatComposer(idle).pickExample('Hi');
    expect(idle.setDraft).toHaveBeenCalledWith('Hi');
    expect(idle.turns.send).not.toHaveBeenCalled();
  });
});
