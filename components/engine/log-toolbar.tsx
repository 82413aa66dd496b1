'use client';
// The log's controls, stacked for a narrow column: the header (live state, size, copy all, download), the
// search, and the filters.
import { DownloadIcon } from '@/components/ui/icons';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { ACTION_BUTTON, CopyAction } from './copy-action';
import { LogFilters, type LogFiltersProps } from './log-filters';
import { LogSearchBox, type LogSearchBoxProps } from './log-search-box';

export interface LogToolbarProps extends LogSearchBoxProps, LogFiltersProps {
  connected: boolean;
  total: number;
  copyAll(): string;
}

export function LogToolbar({ connected, total, copyAll, ...rest }: LogToolbarProps) {
  return (
    <div className="flex flex-col gap-2 border-b border-border px-3 py-2">
      <div className="flex items-center gap-2">
        <h3 className="text-sm font-medium">Log</h3>
        <span data-testid="log-count" className="text-xs text-muted-foreground tabular-nums">
          {total.toLocaleString('en')} lines
        </span>
        <span
          data-testid="log-connection"
          className={`text-xs ${connected ? 'text-success' : 'text-warning'}`}
        >
          {connected ? 'live' : 'reconnecting…'}
        </span>
        <span className="ml-auto flex items-center">
          <CopyAction text={copyAll} label="Copy all shown lines" data-testid="log-copy-all">
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
      <LogSearchBox
        query={rest.query}
        onQueryChange={rest.onQueryChange}
        matchPosition={rest.matchPosition}
        matchCount={rest.matchCount}
        onStep={rest.onStep}
      />
      <LogFilters
        counts={rest.counts}
        filter={rest.filter}
        onFilterChange={rest.onFilterChange}
        isShort={rest.isShort}
        onShortChange={rest.onShortChange}
        isWrapped={rest.isWrapped}
        onWrappedChange={rest.onWrappedChange}
        earlier={rest.earlier}
        showEarlier={rest.showEarlier}
        onShowEarlierChange={rest.onShowEarlierChange}
        probes={rest.probes}
        showProbes={rest.showProbes}
        onShowProbesChange={rest.onShowProbesChange}
      />
    </div>
  );
}
