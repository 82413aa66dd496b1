'use client';
// One message the person sent, with copy and edit. Editing rewrites it in place; sending the edit drops the
// turns after it and asks again (a refused send keeps the editor open with the text).
import { memo, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { IconButton } from '@/components/ui/icon-button';
import { PencilIcon } from '@/components/ui/icons';
import type { ChatMessage } from '@/lib/client/conversations/types';
import { CopyButton } from './copy-button';
import { MessageImages } from './message-images';

export interface UserMessageProps {
  message: ChatMessage;
  /** The answer to it: boxes it names (a grounding reply) are drawn on the picture. */
  reply?: ChatMessage;
  isEditing: boolean;
  canAct: boolean;
  onEdit(messageId: string | null): void;
  /** Resolves to an error message when the edit could not be sent. */
  onSubmitEdit(messageId: string, text: string): Promise<string | null>;
}

function EditForm({ message, onEdit, onSubmitEdit, canAct }: Omit<UserMessageProps, 'isEditing' | 'reply'>) {
  const [text, setText] = useState(message.content);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const submit = async () => {
    if (!text.trim() || busy || !canAct) return;
    setBusy(true);
    setError(await onSubmitEdit(message.id, text));
    setBusy(false);
  };

  return (
    <div className="w-full rounded-2xl border border-border bg-card p-3 shadow-sm">
      <label htmlFor={`edit-${message.id}`} className="sr-only">
        Edit message
      </label>
      <textarea
        id={`edit-${message.id}`}
        ref={area}
        data-testid="edit-input"
        value={text}
        rows={Math.min(10, Math.max(2, text.split('\n').length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onEdit(null);
          }
        }}
        className="block w-full resize-y bg-transparent text-[15px] leading-7 outline-none"
      />
      {error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      )}
      <div className="mt-2 flex justify-end gap-2">
        <Button data-testid="edit-cancel" onClick={() => onEdit(null)} className="h-8 px-3">
          Cancel
        </Button>
        <Button
          variant="primary"
          data-testid="edit-submit"
          disabled={!text.trim() || busy || !canAct}
          onClick={() => void submit()}
          className="h-8 px-3"
        >
          Send
        </Button>
      </div>
    </div>
  );
}

function UserMessageView(props: UserMessageProps) {
  const { message, reply, isEditing, canAct, onEdit } = props;
  // A reply still streaming is not read for boxes: they are drawn once it is complete.
  const answer = reply && reply.status !== 'streaming' ? reply : undefined;
  return (
    <article
      data-testid="message"
      data-role="user"
      data-id={message.id}
      data-status={message.status}
      className="chat-row group/message flex flex-col items-end gap-2"
    >
      {message.images && message.images.length > 0 && (
        <MessageImages images={message.images} reply={answer} />
      )}
      {isEditing ? (
        <EditForm {...props} />
      ) : (
        // Actions sit left of the bubble on wide screens (shown on hover or focus, taking no height) and
        // below it on phones, where there is no hover.
        <div className="flex w-full flex-col-reverse items-end gap-1 sm:flex-row sm:justify-end">
          <div className="flex items-center opacity-100 transition-opacity sm:mb-1.5 sm:opacity-0 sm:group-hover/message:opacity-100 sm:group-focus-within/message:opacity-100">
            <CopyButton text={() => message.content} label="Copy message" data-testid="copy-message" />
            <IconButton
              size="sm"
              label="Edit message"
              data-testid="edit-message"
              disabled={!canAct}
              onClick={() => onEdit(message.id)}
            >
              <PencilIcon size={15} />
            </IconButton>
          </div>
          {message.content && (
            <div className="max-w-[85%] rounded-2xl bg-bubble px-4 py-2.5 text-[15px] leading-7 whitespace-pre-wrap break-words">
              {message.content}
            </div>
          )}
        </div>
      )}
    </article>
  );
}

export const UserMessage = memo(
  UserMessageView,
  (a, b) =>
    a.message.id === b.message.id &&
    a.message.updatedAt === b.message.updatedAt &&
    a.reply?.id === b.reply?.id &&
    a.reply?.updatedAt === b.reply?.updatedAt &&
    a.isEditing === b.isEditing &&
    a.canAct === b.canAct &&
    a.onEdit === b.onEdit &&
    a.onSubmitEdit === b.onSubmitEdit,
);
