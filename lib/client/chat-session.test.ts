import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { type ChatEvent, encodeSseEvent } from '@/lib/chat/events';
import { LiveReplies } from './chat-live';
import type { ChatRequestBody } from './chat-request';
import { ChatSession, type ChatSessionDeps, STOP_GRACE_MS } from './chat-session';
import type { SseReader } from './chat-stream';
import { type ConsoleDb, openConsoleDb } from './conversations/db';
import { commitTurn, createConversation, listMessages } from './conversations/store';
import type { ChatMessage } from './conversations/types';

const OPTIONS = { systemPrompt: 'Be brief', params: { temperature: 0.3 } };

/**
 * A reply stream the test writes to, as the server would: indexed events, then the end of the body. Like a
 * fetch body, it fails when the request's signal aborts.
 */
function serverStream(firstIndex = 0, signal?: AbortSignal) {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let index = firstIndex;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
    },
  });
  return {
    reader: stream.getReader() as SseReader,
    push(...events: ChatEvent[]) {
      for (const event of events) controller.enqueue(encoder.encode(encodeSseEvent(event, index++)));
    },
    close: () => controller.close(),
  };
}

const started = (id = '00000000-0000-4000-8000-000000000001'): ChatEvent => ({
  type: 'generation',
  id,
  model: 'demo',
});
const done = (finishReason = 'stop'): ChatEvent => ({ type: 'done', finishReason, ttftMs: 5, durationMs: 9 });

let db: ConsoleDb;
let ids = 0;
let timers: (() => void)[];
let opened: ChatRequestBody[];
let streams: ReturnType<typeof serverStream>[];

function session(overrides: Partial<ChatSessionDeps> = {}) {
  const deps: ChatSessionDeps = {
    db: () => db,
    live: new LiveReplies(),
    open: async (body, signal) => {
      opened.push(body);
      const stream = serverStream(0, signal);
      streams.push(stream);
      return stream.reader;
    },
    stop: vi.fn(async () => {}),
    newId: () => `id-${++ids}`,
    now: () => 1000 + ids,
    setTimer: (run) => void timers.push(run),
    frames: { request: (draw) => Number(setTimeout(draw, 0)), cancel: (h) => clearTimeout(h) },
    follow: { sleep: async () => {}, delays: [0] },
    ...overrides,
  };
  return { chat: new ChatSession(deps), deps };
}

async function stored(conversationId: string) {
  return (await listMessages(db, conversationId)).map((m) => ({
    role: m.role,
    content: m.content,
    status: m.status,
  }));
}

beforeEach(() => {
  db = openConsoleDb(`session-${Math.random()}`);
  timers = [];
  opened = [];
  streams = [];
});

describe('ChatSession', () => {
  it('sends a first message: stores the turn once accepted, streams the reply live, saves its end', async () => {
    const { chat, deps } = session();
    const seen: (string | null)[] = [];
    chat.subscribe(() => seen.push(chat.getSnapshot().active?.messageId ?? null));
    const result = await chat.send(null, 'What is 2+2?', [], OPTIONS);
    expect(result).toMatchObject({ ok: true });
    const conversationId = result.ok ? result.conversationId : '';
    expect(opened[0]).toEqual({
      messages: [
        { role: 'system', content: 'Be brief' },
        { role: 'user', content: 'What is 2+2?' },
      ],
      params: { temperature: 0.3 },
    });
    expect(await db.conversations.get(conversationId)).toMatchObject({ title: 'What is 2+2?' });
    const replyId = chat.getSnapshot().active?.messageId ?? '';
    streams[0]?.push(
      started(),
      { type: 'reasoning', text: 'Adding.' },
      { type: 'content', text: '4' },
      done(),
    );
    streams[0]?.close();
    await chat.idle();
    expect(await stored(conversationId)).toEqual([
      { role: 'user', content: 'What is 2+2?', status: 'done' },
      { role: 'assistant', content: '4', status: 'done' },
    ]);
    expect(chat.getSnapshot().active).toBeNull();
    expect(seen).toEqual([replyId, null]);
    // The row shows the live copy only while it says streaming, so the copy may outlive the stream.
    expect(deps.live.get(replyId)).toMatchObject({ content: '4', reasoning: 'Adding.', done: true });
  });

  it('changes nothing when the server refuses the send, and says why', async () => {
    const refused = new ApiError(409, 'engine_not_ready', 'No model is ready to answer yet.');
    const { chat } = session({ open: async () => Promise.reject(refused) });
    expect(await chat.send(null, 'Hi', [], OPTIONS)).toEqual({ ok: false, error: refused });
    expect(await db.conversations.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
    const offline = session({ open: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const result = await offline.chat.send(null, 'Hi', [], OPTIONS);
    expect(result.ok ? null : result.error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('refuses a second reply while one streams', async () => {
    const { chat } = session();
    await chat.send(null, 'One', [], OPTIONS);
    const second = await chat.send(null, 'Two', [], OPTIONS);
    expect(second.ok ? null : second.error).toMatchObject({ status: 409, code: 'busy' });
    expect(opened).toHaveLength(1);
  });

  it('stops a reply whose id had not arrived yet as soon as it does, and keeps what came', async () => {
    const { chat, deps } = session();
    const result = await chat.send(null, 'Long story', [], OPTIONS);
    chat.stop();
    expect(deps.stop).not.toHaveBeenCalled();
    streams[0]?.push(started('00000000-0000-4000-8000-00000000000a'), { type: 'content', text: 'Once' });
    await vi.waitFor(() => expect(deps.stop).toHaveBeenCalledWith('00000000-0000-4000-8000-00000000000a'));
    streams[0]?.push(done('abort'));
    streams[0]?.close();
    await chat.idle();
    const conversationId = result.ok ? result.conversationId : '';
    expect((await stored(conversationId)).at(-1)).toEqual({
      role: 'assistant',
      content: 'Once',
      status: 'stopped',
    });
  });

  it('ends the stream itself when the server does not answer the stop within the grace time', async () => {
    const { chat, deps } = session();
    const result = await chat.send(null, 'Long story', [], OPTIONS);
    const replyId = chat.getSnapshot().active?.messageId ?? '';
    streams[0]?.push(started(), { type: 'content', text: 'Once upon' });
    await vi.waitFor(() => expect(deps.live.get(replyId)?.content).toBe('Once upon'));
    chat.stop();
    expect(deps.stop).toHaveBeenCalledTimes(1);
    expect(timers).toHaveLength(1);
    timers[0]?.();
    await chat.idle();
    const messages = await listMessages(db, result.ok ? result.conversationId : '');
    expect(messages.at(-1)).toMatchObject({ content: 'Once upon', status: 'stopped', finishReason: 'abort' });
    expect(STOP_GRACE_MS).toBe(5000);
  });

  it('regenerates a reply in its place, and edits a question, dropping the turns after it', async () => {
    const { chat } = session();
    const first = await chat.send(null, 'Name a colour', [], OPTIONS);
    const conversationId = first.ok ? first.conversationId : '';
    streams[0]?.push(started(), { type: 'content', text: 'Red' }, done());
    streams[0]?.close();
    await chat.idle();
    const reply = (await listMessages(db, conversationId))[1] as ChatMessage;
    expect(await chat.regenerate(conversationId, reply.id, OPTIONS)).toMatchObject({ ok: true });
    expect(opened[1]?.messages.at(-1)).toEqual({ role: 'user', content: 'Name a colour' });
    expect(opened[1]?.messages).toHaveLength(2);
    streams[1]?.push(
      started('00000000-0000-4000-8000-000000000002'),
      { type: 'content', text: 'Blue' },
      done(),
    );
    streams[1]?.close();
    await chat.idle();
    expect(await stored(conversationId)).toEqual([
      { role: 'user', content: 'Name a colour', status: 'done' },
      { role: 'assistant', content: 'Blue', status: 'done' },
    ]);
    const question = (await listMessages(db, conversationId))[0] as ChatMessage;
    expect(await chat.editAndResend(conversationId, question.id, 'Name a fruit', OPTIONS)).toMatchObject({
      ok: true,
    });
    streams[2]?.push(
      started('00000000-0000-4000-8000-000000000003'),
      { type: 'content', text: 'Fig' },
      done(),
    );
    streams[2]?.close();
    await chat.idle();
    expect(await stored(conversationId)).toEqual([
      { role: 'user', content: 'Name a fruit', status: 'done' },
      { role: 'assistant', content: 'Fig', status: 'done' },
    ]);
    expect(await chat.regenerate(conversationId, 'no-such-reply', OPTIONS)).toMatchObject({
      ok: false,
      error: { code: 'gone' },
    });
  });

  it('hands the request a way to find the bytes of an image the server lost', async () => {
    const finds: (Blob | undefined)[] = [];
    const { chat } = session({
      open: async (_body, _signal, findBlob) => {
        finds.push(await findBlob('a'.repeat(64)), await findBlob('b'.repeat(64)));
        return serverStream().reader;
      },
    });
    const blob = new Blob(['png bytes'], { type: 'image/png' });
    const ref = { key: 'a'.repeat(64), sha256: 'a'.repeat(64), mediaType: 'image/png', name: 'cat.png' };
    await chat.send(null, 'What is this?', [{ ref, blob }], OPTIONS);
    expect(finds).toEqual([blob, undefined]);
    expect(await db.images.get('a'.repeat(64))).toMatchObject({ blob: expect.any(Blob) });
  });

  it('resumes after a reload: the newest unfinished reply reattaches after its last event, older ones end', async () => {
    await createConversation(db, { id: 'c1', title: 'Old', createdAt: 0, updatedAt: 0 });
    const row = (id: string, seq: number, extra: Partial<ChatMessage>): ChatMessage => ({
      id,
      conversationId: 'c1',
      seq,
      role: 'assistant',
      content: '',
      status: 'streaming',
      createdAt: seq,
      updatedAt: seq,
      ...extra,
    });
    const generationId = '00000000-0000-4000-8000-0000000000ff';
    await commitTurn(db, {
      conversationId: 'c1',
      add: [
        row('older', 1, {}),
        row('newest', 3, { content: 'Half ', generationId, lastEventId: 4, updatedAt: 9 }),
      ],
      now: 10,
    });
    const reattached: [string, number][] = [];
    const { chat } = session({
      follow: {
        sleep: async () => {},
        delays: [0],
        reattach: async (id, after) => {
          reattached.push([id, after]);
          const stream = serverStream(after + 1);
          stream.push({ type: 'content', text: 'done.' }, done());
          stream.close();
          return stream.reader;
        },
      },
    });
    await Promise.all([chat.resume(), chat.resume()]);
    expect(reattached).toEqual([[generationId, 4]]);
    expect(await db.messages.get('newest')).toMatchObject({ content: 'Half done.', status: 'done' });
    expect(await db.messages.get('older')).toMatchObject({ status: 'interrupted' });
  });
});
