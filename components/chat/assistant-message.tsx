'use client';
// One reply: thinking block, Markdown answer, what happened to it (stopped, cut at the token limit,
// interrupted, failed), its figures and its actions. Rows are memoised on `updatedAt`; the streaming one
// re-renders from the live store once per frame, the others not at all.
import { memo } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { AlertIcon, RefreshIcon } from '@/components/ui/icons';
import { useLiveReply } from '@/hooks/use-chat-live';
import { isThinking, replyStatus } from '@/lib/client/chat-reply';
import type { ChatMessage } from '@/lib/client/conversations/types';
import { CopyButton } from './copy-button';
import { Elapsed } from './elapsed';
import { Markdown } from './markdown';
import { ReplyStats } from './reply-stats';
import { ThinkingBlock } from './thinking-block';

export interface AssistantMessageProps {
  message: ChatMessage;
  /** The newest reply of the conversation: the one Regenerate applies to. */
  isLast: boolean;
  /** No reply is streaming, so actions that start one are available. */
  canAct: boolean;
  /** The question carried images: the wait before the first token is the image being read. */
  hasImages: boolean;
  onRegenerate(messageId: string): void;
}

function useReplyView(message: ChatMessage) {
  const live = useLiveReply(message.id);
  if (live && message.status === 'streaming') {
    return {
      reasoning: live.reasoning,
      content: live.content,
      status: replyStatus(live),
      thinking: isThinking(live),
      thinkingStartedAt: live.thinkingStartedAt,
      thinkingMs: live.thinkingMs,
      error: live.error?.message,
      reconnecting: live.reconnecting,
      reconnects: live.reconnects,
    };
  }
  const reasoning = message.reasoning ?? '';
  return {
    reasoning,
    content: message.content,
    status: message.status,
    // A row streaming in no live copy (being resumed): thinking if no answer has come yet.
    thinking:
      message.status === 'streaming' &&
      reasoning.length > 0 &&
      !message.content &&
      message.thinkingMs == null,
    thinkingStartedAt: message.thinkingStartedAt ?? null,
    thinkingMs: message.thinkingMs ?? null,
    error: message.error,
    reconnecting: false,
    reconnects: message.reconnects ?? 0,
  };
}

function ReconnectedNote() {
  return (
    <span
      data-testid="reconnected-note"
      className="text-xs text-muted-foreground"
      title="The connection dropped and was resumed without losing text"
    >
      Reconnected
    </span>
  );
}

function AssistantMessageView({ message, isLast, canAct, hasImages, onRegenerate }: AssistantMessageProps) {
  const view = useReplyView(message);
  const streaming = view.status === 'streaming';
  const waiting = streaming && !view.reasoning && !view.content;
  const failed = view.status === 'error' || view.status === 'interrupted';
  return (
    <article
      data-testid="message"
      data-role="assistant"
      data-id={message.id}
      data-status={view.status}
      aria-busy={streaming}
      className="chat-row group/message"
    >
      {(view.reasoning || view.thinking) && (
        <ThinkingBlock
          messageId={message.id}
          reasoning={view.reasoning}
          isThinking={view.thinking}
          startedAt={view.thinkingStartedAt}
          durationMs={view.thinkingMs}
        />
      )}
      {waiting && (
        <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="waiting">
          <span className="thinking-shimmer">
            {hasImages ? 'Reading the image…' : 'Waiting for the model…'}
          </span>
          <span className="text-xs">
            <Elapsed since={message.createdAt} />
          </span>
        </p>
      )}
      {view.content && (
        <div data-testid="answer" className="answer text-[15px] leading-7">
          <Markdown text={view.content} streaming={streaming} />
        </div>
      )}
      {view.reconnecting && <p className="mt-2 text-xs text-warning">Connection lost — reconnecting…</p>}
      {streaming && !view.reconnecting && view.reconnects > 0 && <ReconnectedNote />}
      {failed && (
        <div
          role="alert"
          className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-danger/30 bg-danger/5 px-3 py-2 text-sm"
        >
          <AlertIcon size={16} className="shrink-0 text-danger" />
          <span className="min-w-0 flex-1 break-words" data-testid="message-error">
            {view.error ??
              (view.status === 'interrupted' ? 'The reply was interrupted.' : 'The reply failed.')}
          </span>
          {canAct && (
            <button
              type="button"
              data-testid="retry"
              onClick={() => onRegenerate(message.id)}
              className="rounded-md border border-border bg-background px-2.5 py-1 text-xs font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
            >
              Retry
            </button>
          )}
        </div>
      )}
      {!streaming && (
        <footer className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
          <div className="-ml-1.5 flex items-center">
            <CopyButton text={() => view.content} label="Copy answer" data-testid="copy-message" />
            {isLast && canAct && !failed && (
              <IconButton
                size="sm"
                label="Regenerate"
                data-testid="regenerate"
                onClick={() => onRegenerate(message.id)}
              >
                <RefreshIcon size={15} />
              </IconButton>
            )}
          </div>
          {view.status === 'stopped' && <span className="text-xs text-muted-foreground">Stopped</span>}
          {message.finishReason === 'length' && (
            <span className="text-xs text-warning">Cut off at the max-tokens limit</span>
          )}
          {view.reconnects > 0 && <ReconnectedNote />}
          <ReplyStats usage={message.usage} ttftMs={message.ttftMs} durationMs={message.durationMs} />
        </footer>
      )}
    </article>
  );
}

export const AssistantMessage = memo(
  AssistantMessageView,
  (a, b) =>
    a.message.id === b.message.id &&
    a.message.updatedAt === b.message.updatedAt &&
    a.message.status === b.message.status &&
    a.isLast === b.isLast &&
    a.canAct === b.canAct &&
    a.hasImages === b.hasImages &&
    a.onRegenerate === b.onRegenerate,
);
