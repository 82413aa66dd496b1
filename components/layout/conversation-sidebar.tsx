'use client';
// The conversation list: new chat, search by title, the list itself, and import/export of everything.
import { memo, useMemo, useRef, useState } from 'react';
import { DownloadIcon, PlusIcon, SearchIcon, UploadIcon } from '@/components/ui/icons';
import type { Conversation } from '@/lib/client/conversations/types';
import { ConversationItem } from './conversation-item';

export interface ConversationSidebarProps {
  conversations: Conversation[] | undefined;
  currentId: string | null;
  streamingConversationId: string | null;
  onNew(): void;
  onSelect(id: string): void;
  onRename(id: string, title: string): void;
  onDelete(id: string): void;
  onImport(file: File): Promise<void>;
  onExportAll(): void;
  /** Where import results and storage errors are told. */
  message: { tone: 'info' | 'error'; text: string } | null;
}

const FOOTER_BUTTON =
  'inline-flex h-8 flex-1 items-center justify-center gap-1.5 rounded-md text-xs font-medium text-muted-foreground transition hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring';

// Memoised: the page re-renders with every engine log line, the list need not.
export const ConversationSidebar = memo(function ConversationSidebar(props: ConversationSidebarProps) {
  const { conversations, currentId, streamingConversationId, message } = props;
  const [query, setQuery] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? (conversations ?? []).filter((c) => c.title.toLowerCase().includes(q)) : (conversations ?? []);
  }, [conversations, query]);

  return (
    <nav aria-label="Conversations" className="flex h-full flex-col gap-2 p-2">
      <button
        type="button"
        data-testid="new-chat"
        onClick={props.onNew}
        className="flex h-9 items-center gap-2 rounded-lg border border-border bg-background px-2.5 text-sm font-medium transition hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
      >
        <PlusIcon size={16} />
        New chat
      </button>
      <div className="relative">
        <SearchIcon
          size={14}
          className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-muted-foreground"
        />
        <label htmlFor="conversation-search" className="sr-only">
          Search conversations
        </label>
        <input
          id="conversation-search"
          data-testid="conversation-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search"
          className="h-8 w-full rounded-lg border border-transparent bg-muted/70 pr-2 pl-8 text-sm placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-none"
        />
      </div>
      <ul
        className="-mx-0.5 flex min-h-0 flex-1 flex-col gap-0.5 overflow-y-auto px-0.5"
        data-testid="conversation-list"
      >
        {shown.map((c) => (
          <ConversationItem
            key={c.id}
            conversation={c}
            isCurrent={c.id === currentId}
            isStreaming={c.id === streamingConversationId}
            onSelect={props.onSelect}
            onRename={props.onRename}
            onDelete={props.onDelete}
          />
        ))}
        {conversations && shown.length === 0 && (
          <li className="px-2.5 py-6 text-center text-xs text-muted-foreground">
            {query ? 'No conversation has that in its title.' : 'Your conversations will appear here.'}
          </li>
        )}
      </ul>
      {message && (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="sidebar-message"
          className={`rounded-md px-2 py-1.5 text-xs ${message.tone === 'error' ? 'bg-danger/10 text-danger' : 'bg-muted text-muted-foreground'}`}
        >
          {message.text}
        </p>
      )}
      <div className="flex gap-1 border-t border-border pt-2">
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          data-testid="import-conversations"
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void props.onImport(file);
            e.target.value = '';
          }}
        />
        <button type="button" className={FOOTER_BUTTON} onClick={() => fileInput.current?.click()}>
          <UploadIcon size={14} />
          Import
        </button>
        <button type="button" className={FOOTER_BUTTON} data-testid="export-all" onClick={props.onExportAll}>
          <DownloadIcon size={14} />
          Export all
        </button>
      </div>
    </nav>
  );
});
