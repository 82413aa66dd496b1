'use client';
// The conversation's messages in reading order, at a comfortable width. Rows are memoised and laid out
// lazily (content-visibility), so a 200-message conversation costs little more than what is on screen.
import type { ChatMessage } from '@/lib/client/conversations/types';
import { AssistantMessage } from './assistant-message';
import { UserMessage } from './user-message';

export interface MessageListProps {
  messages: ChatMessage[];
  /** A reply is streaming (in this conversation or another): nothing may start a second one. */
  isBusy: boolean;
  editingId: string | null;
  onEdit(messageId: string | null): void;
  onSubmitEdit(messageId: string, text: string): Promise<string | null>;
  onRegenerate(messageId: string): void;
}

export function MessageList({
  messages,
  isBusy,
  editingId,
  onEdit,
  onSubmitEdit,
  onRegenerate,
}: MessageListProps) {
  const lastReply = messages.findLast((m) => m.role === 'assistant')?.id;
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-8 px-4 pt-6 pb-10 sm:px-6">
      {messages.map((message, i) =>
        message.role === 'user' ? (
          <UserMessage
            key={message.id}
            message={message}
            isEditing={editingId === message.id}
            reply={messages[i + 1]?.role === 'assistant' ? messages[i + 1] : undefined}
            canAct={!isBusy}
            onEdit={onEdit}
            onSubmitEdit={onSubmitEdit}
          />
        ) : (
          <AssistantMessage
            key={message.id}
            message={message}
            isLast={message.id === lastReply}
            canAct={!isBusy}
            hasImages={(messages[i - 1]?.images?.length ?? 0) > 0}
            onRegenerate={onRegenerate}
          />
        ),
      )}
    </div>
  );
}
