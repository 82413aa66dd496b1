'use client';
// Starts, follows and stops replies: send, regenerate, edit and resend, and the resume of a reply a reload
// cut off. One reply streams at a time. A turn is written to IndexedDB only once the server has accepted it,
// so a refused send (engine not ready, bad request) changes nothing and the draft stays where it was.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, clientError } from '@/lib/api-error';
import { newId } from '@/lib/client/chat-ids';
import { EMPTY_REPLY, replyFromMessage } from '@/lib/client/chat-reply';
import { buildChatRequest } from '@/lib/client/chat-request';
import { runReply } from '@/lib/client/chat-runner';
import type { ChatParams } from '@/lib/client/chat-settings';
import { stopChat } from '@/lib/client/chat-stream';
import { planEdit, planRegenerate, planSend, type TurnPlan } from '@/lib/client/chat-turns';
import { consoleDb } from '@/lib/client/conversations/db';
import { imageBlob, type NewImage } from '@/lib/client/conversations/images';
import { storageErrorMessage } from '@/lib/client/conversations/quota';
import {
  commitTurn,
  createConversation,
  listMessages,
  listUnfinished,
  updateMessage,
} from '@/lib/client/conversations/store';
import type { ChatMessage } from '@/lib/client/conversations/types';
import { openChatReuploading, type SendableImage } from '@/lib/client/image-upload';
import { liveReplies } from './use-chat-live';

export interface RequestOptions {
  systemPrompt: string;
  params: ChatParams;
}

export type TurnResult = { ok: true; conversationId: string } | { ok: false; error: ApiError };

interface Active {
  messageId: string;
  conversationId: string;
  controller: AbortController;
  generationId: string | null;
  stopRequested: boolean;
}

/** Stop asked but the server's `done` did not come: end the stream here after this long. */
const STOP_GRACE_MS = 5000;

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return clientError(
    'network_error',
    'Could not reach the app server.',
    'Check the connection and try again.',
  );
}

// A reload resumes unfinished replies once per page, even when React mounts effects twice in development.
let resumeStarted = false;

export function useChatGeneration(getOptions: () => RequestOptions) {
  const [active, setActive] = useState<{ messageId: string; conversationId: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const activeRef = useRef<Active | null>(null);
  const options = useRef(getOptions);
  options.current = getOptions;

  const save = useCallback(async (id: string, changes: Partial<ChatMessage>) => {
    try {
      await updateMessage(consoleDb(), id, changes);
    } catch (error) {
      setNotice(storageErrorMessage(error));
      throw error;
    }
  }, []);

  const follow = useCallback(
    async (
      message: ChatMessage,
      reader: Parameters<typeof runReply>[0]['reader'],
      controller: AbortController,
    ) => {
      const run: Active = {
        messageId: message.id,
        conversationId: message.conversationId,
        controller,
        generationId: message.generationId ?? null,
        stopRequested: false,
      };
      activeRef.current = run;
      setActive({ messageId: message.id, conversationId: message.conversationId });
      try {
        await runReply({
          reader,
          initial: reader ? EMPTY_REPLY : replyFromMessage(message),
          signal: controller.signal,
          publish: (state, reconnecting) => liveReplies.set(message.id, { ...state, reconnecting }),
          save: (changes) => save(message.id, changes),
          onGenerationId: (id) => {
            run.generationId = id;
            if (run.stopRequested) void stopChat(id).catch(() => controller.abort());
          },
        });
      } catch {
        // The final save failed; the notice says so and the live copy stays on screen.
      } finally {
        if (activeRef.current === run) activeRef.current = null;
        setActive((current) => (current?.messageId === message.id ? null : current));
        // The stored row now holds the end state; drop the live copy once the list has re-read it.
        setTimeout(() => liveReplies.delete(message.id), 2000);
      }
    },
    [save],
  );

  const startTurn = useCallback(
    async (plan: TurnPlan, images: readonly NewImage[] = []): Promise<TurnResult> => {
      if (activeRef.current) {
        return {
          ok: false,
          error: clientError('busy', 'A reply is still streaming.', 'Stop it or wait for it to finish.'),
        };
      }
      const { systemPrompt, params } = options.current();
      const controller = new AbortController();
      // An image the server lost is uploaded again from the new message's bytes or the browser's store.
      const findBlob = async (key: string) =>
        images.find((image) => image.sha256 === key)?.blob ?? (await imageBlob(consoleDb(), key));
      let reader: Awaited<ReturnType<typeof openChatReuploading>>;
      try {
        const body = buildChatRequest(plan.sent, systemPrompt, params);
        reader = await openChatReuploading(body, controller.signal, findBlob);
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
      const now = Date.now();
      const reply: ChatMessage = {
        id: newId(),
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
        const db = consoleDb();
        if (plan.isNew) {
          await createConversation(db, {
            id: plan.conversationId,
            title: plan.title ?? 'New chat',
            createdAt: now,
            updatedAt: now,
          });
        }
        await commitTurn(db, { ...plan.change, add: [...plan.change.add, reply], images, now });
      } catch (error) {
        controller.abort();
        const message = storageErrorMessage(error);
        setNotice(message);
        return { ok: false, error: clientError('storage', message) };
      }
      void follow(reply, reader, controller);
      return { ok: true, conversationId: plan.conversationId };
    },
    [follow],
  );

  const send = useCallback(
    async (conversationId: string | null, text: string, images: readonly SendableImage[] = []) => {
      const history = conversationId ? await listMessages(consoleDb(), conversationId) : [];
      const refs = images.map((image) => image.ref);
      const plan = planSend(
        conversationId ?? newId(),
        conversationId === null,
        history,
        text,
        newId,
        Date.now(),
        refs,
      );
      return startTurn(
        plan,
        images.map((image) => ({ sha256: image.ref.sha256, blob: image.blob })),
      );
    },
    [startTurn],
  );

  const regenerate = useCallback(
    async (conversationId: string, replyId: string) => {
      const plan = planRegenerate(conversationId, await listMessages(consoleDb(), conversationId), replyId);
      return plan
        ? startTurn(plan)
        : { ok: false as const, error: clientError('gone', 'That reply no longer exists.') };
    },
    [startTurn],
  );

  const editAndResend = useCallback(
    async (conversationId: string, messageId: string, text: string) => {
      const plan = planEdit(conversationId, await listMessages(consoleDb(), conversationId), messageId, text);
      return plan
        ? startTurn(plan)
        : { ok: false as const, error: clientError('gone', 'That message no longer exists.') };
    },
    [startTurn],
  );

  const stop = useCallback(() => {
    const run = activeRef.current;
    if (!run || run.stopRequested) return;
    run.stopRequested = true;
    // The server keeps what came and ends the stream with done {finishReason: 'abort'}; if it cannot be
    // asked (no id yet, or the request fails), ending the stream here keeps the text just the same.
    if (run.generationId) void stopChat(run.generationId).catch(() => run.controller.abort());
    setTimeout(() => {
      if (activeRef.current === run) run.controller.abort();
    }, STOP_GRACE_MS);
  }, []);

  // Resume what a reload cut off: the newest unfinished reply reattaches, older ones are marked interrupted.
  useEffect(() => {
    if (resumeStarted) return;
    resumeStarted = true;
    void (async () => {
      const db = consoleDb();
      const unfinished = (await listUnfinished(db)).sort((a, b) => b.updatedAt - a.updatedAt);
      const [newest, ...older] = unfinished;
      for (const message of older) {
        await save(message.id, {
          status: 'interrupted',
          error: 'The page was closed while this reply streamed.',
        });
      }
      if (!newest || activeRef.current) return;
      if (!newest.generationId) {
        await save(newest.id, {
          status: 'interrupted',
          error: 'The page was closed before the reply started.',
        });
        return;
      }
      await follow(newest, null, new AbortController());
    })().catch(() => {});
  }, [follow, save]);

  const clearNotice = useCallback(() => setNotice(null), []);
  // One stable object while nothing changes, so memoised views that take it do not re-render.
  return useMemo(
    () => ({ active, notice, clearNotice, send, regenerate, editAndResend, stop }),
    [active, notice, clearNotice, send, regenerate, editAndResend, stop],
  );
}
