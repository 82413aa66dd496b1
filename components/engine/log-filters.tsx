// The log's filters: levels (with counts of errors and warnings) and the stream; below them, how lines are
// shown (log-view-toggles).
import type { LogFilter } from '@/lib/client/log-filter';
import type { LogLevel } from '@/lib/client/log-level';
import type { LogStream } from '@/lib/engine/types';
import { LogViewToggles, type LogViewTogglesProps } from './log-view-toggles';

export interface LogFiltersProps extends LogViewTogglesProps {
  counts: Record<LogLevel, number>;
  filter: LogFilter;
  onFilterChange(filter: LogFilter): void;
}

const LABEL: Record<LogLevel, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const ON: Record<LogLevel, string> = {
  error: 'border-danger/40 bg-danger/10 text-danger',
  warning: 'border-warning/40 bg-warning/10 text-warning',
  info: 'border-border bg-muted text-foreground',
};
const CHIP =
  'h-7 rounded-full border px-2.5 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-ring';
// A level with nothing to show is not coloured: a red "Errors 0" reads as an alarm.
const OFF = 'border-border text-muted-foreground line-through opacity-70';

export function LogFilters({ counts, filter, onFilterChange, ...view }: LogFiltersProps) {
  const toggle = (level: LogLevel) =>
    onFilterChange({ ...filter, levels: { ...filter.levels, [level]: !filter.levels[level] } });
  return (
    <>
      <div className="flex flex-wrap items-center gap-1.5">
        {(['error', 'warning', 'info'] as const).map((level) => (
          <button
            key={level}
            type="button"
            aria-pressed={filter.levels[level]}
            data-testid={`log-level-${level}`}
            onClick={() => toggle(level)}
            className={`${CHIP} ${filter.levels[level] ? (level === 'info' || counts[level] > 0 ? ON[level] : ON.info) : OFF}`}
          >
            {LABEL[level]}
            {level !== 'info' && (
              <span className="ml-1 tabular-nums">{counts[level].toLocaleString('en')}</span>
            )}
          </button>
        ))}
        <select
          aria-label="Stream"
          data-testid="log-stream-filter"
          value={filter.stream}
          onChange={(e) => onFilterChange({ ...filter, stream: e.target.value as LogStream | 'all' })}
          className="ml-auto h-7 rounded-md border border-border bg-background px-1.5 text-xs"
        >
          <option value="all">All streams</option>
          <option value="stdout">stdout</option>
          <option value="stderr">stderr</option>
          <option value="system">app</option>
        </select>
      </div>
      <LogViewToggles {...view} />
    </>
  );
}
