'use client';
// The log's controls, stacked for a narrow column: the header (live state, size, copy all, download), the
// search with previous/next match, and the level and stream filters.
import { ArrowDownIcon, ArrowUpIcon, DownloadIcon, SearchIcon } from '@/components/ui/icons';
import { ENDPOINTS } from '@/lib/client/endpoints';
import type { LogFilter } from '@/lib/client/log-filter';
import type { LogLevel } from '@/lib/client/log-level';
import type { LogStream } from '@/lib/engine/types';
import { ACTION_BUTTON, CopyAction } from './copy-action';

export interface LogToolbarProps {
  connected: boolean;
  total: number;
  counts: Record<LogLevel, number>;
  filter: LogFilter;
  onFilterChange(filter: LogFilter): void;
  query: string;
  onQueryChange(query: string): void;
  /** 1-based position of the current match, 0 when none is selected. */
  matchPosition: number;
  matchCount: number;
  onStep(direction: 1 | -1): void;
  copyAll(): string;
  isShort: boolean;
  onShortChange(isShort: boolean): void;
}

const LEVEL_LABEL: Record<LogLevel, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const LEVEL_ON: Record<LogLevel, string> = {
  error: 'border-danger/40 bg-danger/10 text-danger',
  warning: 'border-warning/40 bg-warning/10 text-warning',
  info: 'border-border bg-muted text-foreground',
};

export function LogToolbar(props: LogToolbarProps) {
  const { filter, onFilterChange, query, matchCount, matchPosition, onStep } = props;
  const toggle = (level: LogLevel) =>
    onFilterChange({ ...filter, levels: { ...filter.levels, [level]: !filter.levels[level] } });
  return (
    <div className="flex flex-col gap-2 border-b border-border px-3 py-2">
      <div className="flex items-center gap-2">
        <h3 className="text-sm font-medium">Log</h3>
        <span className="text-xs text-muted-foreground tabular-nums">
          {props.total.toLocaleString('en')} lines
        </span>
        <span
          data-testid="log-connection"
          className={`text-xs ${props.connected ? 'text-success' : 'text-warning'}`}
        >
          {props.connected ? 'live' : 'reconnecting…'}
        </span>
        <span className="ml-auto flex items-center">
          <CopyAction text={props.copyAll} label="Copy all shown lines" data-testid="log-copy-all">
            Copy all
          </CopyAction>
          <a
            href={ENDPOINTS.engineLogsDownload}
            download
            data-testid="log-download"
            className={ACTION_BUTTON}
            title="Download the full log"
          >
            <DownloadIcon size={14} />
            <span>Download</span>
          </a>
        </span>
      </div>
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
            onChange={(e) => props.onQueryChange(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onStep(e.shiftKey ? -1 : 1);
              }
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
          data-testid="log-search-next"
          disabled={!matchCount}
          onClick={() => onStep(1)}
          className={ACTION_BUTTON}
        >
          <ArrowDownIcon size={14} />
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        {(['error', 'warning', 'info'] as const).map((level) => (
          <button
            key={level}
            type="button"
            aria-pressed={filter.levels[level]}
            data-testid={`log-level-${level}`}
            onClick={() => toggle(level)}
            className={`h-7 rounded-full border px-2.5 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-ring ${filter.levels[level] ? LEVEL_ON[level] : 'border-border text-muted-foreground line-through opacity-70'}`}
          >
            {LEVEL_LABEL[level]}
            {level !== 'info' && (
              <span className="ml-1 tabular-nums">{props.counts[level].toLocaleString('en')}</span>
            )}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={props.isShort}
          data-testid="log-short"
          title="Hide the process prefix and date on each line (copy all and download keep them)"
          onClick={() => props.onShortChange(!props.isShort)}
          className={`ml-auto h-7 rounded-md border px-2 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-ring ${props.isShort ? 'border-border bg-muted text-foreground' : 'border-border text-muted-foreground'}`}
        >
          Short lines
        </button>
        <select
          aria-label="Stream"
          data-testid="log-stream-filter"
          value={filter.stream}
          onChange={(e) => onFilterChange({ ...filter, stream: e.target.value as LogStream | 'all' })}
          className="h-7 rounded-md border border-border bg-background px-1.5 text-xs"
        >
          <option value="all">All streams</option>
          <option value="stdout">stdout</option>
          <option value="stderr">stderr</option>
          <option value="system">app</option>
        </select>
      </div>
    </div>
  );
}
