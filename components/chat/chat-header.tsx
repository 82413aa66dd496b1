// The bar above a conversation: its title and the exports.
import { DownloadIcon } from '@/components/ui/icons';

export interface ChatHeaderProps {
  title: string;
  onExport(format: 'markdown' | 'json'): void;
}

const EXPORT_BUTTON =
  'inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs font-medium text-muted-foreground transition hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring';

export function ChatHeader({ title, onExport }: ChatHeaderProps) {
  return (
    <div className="flex h-11 shrink-0 items-center gap-1 border-b border-border px-4">
      <h2 data-testid="chat-title" className="mr-2 min-w-0 flex-1 truncate text-sm font-medium">
        {title}
      </h2>
      <button
        type="button"
        className={EXPORT_BUTTON}
        data-testid="export-markdown"
        aria-label="Export as Markdown"
        title="Export as Markdown"
        onClick={() => onExport('markdown')}
      >
        <DownloadIcon size={13} />
        MD
      </button>
      <button
        type="button"
        className={EXPORT_BUTTON}
        data-testid="export-json"
        aria-label="Export as JSON"
        title="Export as JSON (can be imported again)"
        onClick={() => onExport('json')}
      >
        <DownloadIcon size={13} />
        JSON
      </button>
    </div>
  );
}
