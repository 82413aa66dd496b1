'use client';
// One conversation in the sidebar: open it, rename it in place, or delete it after a confirmation.
import { memo, useState } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { PencilIcon, TrashIcon } from '@/components/ui/icons';
import type { Conversation } from '@/lib/client/conversations/types';

export interface ConversationItemProps {
  conversation: Conversation;
  isCurrent: boolean;
  isStreaming: boolean;
  onSelect(id: string): void;
  onRename(id: string, title: string): void;
  onDelete(id: string): void;
}

const ROW = 'group/item relative flex min-h-9 items-center rounded-lg text-sm';

function ConversationItemView({
  conversation,
  isCurrent,
  isStreaming,
  onSelect,
  onRename,
  onDelete,
}: ConversationItemProps) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  const [title, setTitle] = useState(conversation.title);

  if (mode === 'rename') {
    const save = () => {
      if (title.trim() && title !== conversation.title) onRename(conversation.id, title);
      setMode('view');
    };
    return (
      <li className={ROW}>
        <label htmlFor={`rename-${conversation.id}`} className="sr-only">
          Conversation title
        </label>
        <input
          id={`rename-${conversation.id}`}
          data-testid="rename-input"
          // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this row
          autoFocus
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
            if (e.key === 'Escape') {
              setTitle(conversation.title);
              setMode('view');
            }
          }}
          className="h-9 w-full rounded-lg border border-ring bg-card px-2.5 text-sm outline-none"
        />
      </li>
    );
  }

  if (mode === 'confirm') {
    return (
      <li className={`${ROW} gap-1 bg-danger/5 px-2.5`}>
        <span className="min-w-0 flex-1 truncate">Delete “{conversation.title}”?</span>
        <button
          type="button"
          data-testid="confirm-delete"
          // biome-ignore lint/a11y/noAutofocus: the confirmation takes the focus it replaces
          autoFocus
          onClick={() => onDelete(conversation.id)}
          className="rounded-md px-2 py-1 text-xs font-medium text-danger hover:bg-danger/10 focus-visible:outline-2 focus-visible:outline-ring"
        >
          Delete
        </button>
        <button
          type="button"
          onClick={() => setMode('view')}
          className="rounded-md px-2 py-1 text-xs hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
        >
          Cancel
        </button>
      </li>
    );
  }

  return (
    <li className={`${ROW} ${isCurrent ? 'bg-muted font-medium' : 'hover:bg-muted/60'}`}>
      <button
        type="button"
        data-testid="conversation-item"
        aria-current={isCurrent ? 'page' : undefined}
        onClick={() => onSelect(conversation.id)}
        // Room for the rename/delete buttons wherever they show (always on touch, on hover or focus with a
        // mouse), so they never draw over the title.
        className="flex h-9 min-w-0 flex-1 items-center gap-2 rounded-lg py-0 pr-16 pl-2.5 text-left focus-visible:outline-2 focus-visible:outline-ring pointer-fine:pr-2.5 pointer-fine:group-hover/item:pr-16 pointer-fine:group-focus-within/item:pr-16"
      >
        {isStreaming && (
          <span className="size-1.5 shrink-0 animate-pulse rounded-full bg-primary">
            <span className="sr-only">Replying:</span>
          </span>
        )}
        <span className="truncate" title={conversation.title}>
          {conversation.title}
        </span>
      </button>
      <div className="absolute right-1 flex items-center rounded-md bg-inherit opacity-100 pointer-fine:opacity-0 pointer-fine:group-focus-within/item:opacity-100 pointer-fine:group-hover/item:opacity-100">
        <IconButton
          size="sm"
          label={`Rename “${conversation.title}”`}
          data-testid="rename-conversation"
          onClick={() => {
            setTitle(conversation.title);
            setMode('rename');
          }}
        >
          <PencilIcon size={14} />
        </IconButton>
        <IconButton
          size="sm"
          label={`Delete “${conversation.title}”`}
          data-testid="delete-conversation"
          onClick={() => setMode('confirm')}
        >
          <TrashIcon size={14} />
        </IconButton>
      </div>
    </li>
  );
}

export const ConversationItem = memo(ConversationItemView);
