// The log search: a literal, case-insensitive query, where the current match is ("3/17"), and previous and
// next (also Enter and Shift+Enter).
import { ArrowDownIcon, ArrowUpIcon, SearchIcon } from '@/components/ui/icons';
import { ACTION_BUTTON } from './copy-action';

export interface LogSearchBoxProps {
  query: string;
  onQueryChange(query: string): void;
  /** 1-based position of the current match, 0 when none is selected. */
  matchPosition: number;
  matchCount: number;
  onStep(direction: 1 | -1): void;
}

export function LogSearchBox({ query, onQueryChange, matchPosition, matchCount, onStep }: LogSearchBoxProps) {
  return (
    <div className="flex items-center gap-1">
      <div className="relative min-w-0 flex-1">
        <SearchIcon
          size={14}
          className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-muted-foreground"
        />
        <input
          type="search"
          aria-label="Search the log"
          placeholder="Search the log"
          data-testid="log-search"
          value={query}
          onChange={(e) => onQueryChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          }}
          className="h-8 w-full rounded-md border border-border bg-background pr-16 pl-8 text-sm focus-visible:outline-2 focus-visible:outline-ring"
        />
        {query && (
          <span
            data-testid="log-search-count"
            aria-live="polite"
            className="absolute top-1/2 right-2 -translate-y-1/2 text-xs text-muted-foreground tabular-nums"
          >
            {matchCount === 0 ? 'none' : `${matchPosition}/${matchCount}`}
          </span>
        )}
      </div>
      <button
        type="button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        data-testid="log-search-prev"
        disabled={!matchCount}
        onClick={() => onStep(-1)}
        className={ACTION_BUTTON}
      >
        <ArrowUpIcon size={14} />
      </button>
      <button
        type="button"
        aria-label="Next match"
        title="Next match (Enter)"
        data-testid="log-search-next"
        disabled={!matchCount}
        onClick={() => onStep(1)}
        className={ACTION_BUTTON}
      >
        <ArrowDownIcon size={14} />
      </button>
    </div>
  );
}
