// Which log lines are shown: by level (error, warning, info) and by stream. Pure; the unfiltered list is
// returned as is, so the common case costs nothing.
import type { LogStream } from '@/lib/engine/types';
import type { ClientLogLine, LogLevel } from './log-level';

export interface LogFilter {
  levels: Record<LogLevel, boolean>;
  stream: LogStream | 'all';
}

export const SHOW_ALL: LogFilter = { levels: { error: true, warning: true, info: true }, stream: 'all' };

export function isFiltering(filter: LogFilter): boolean {
  return filter.stream !== 'all' || !filter.levels.error || !filter.levels.warning || !filter.levels.info;
}

export function filterLines(lines: ClientLogLine[], filter: LogFilter): ClientLogLine[] {
  if (!isFiltering(filter)) return lines;
  const { levels, stream } = filter;
  return lines.filter((l) => levels[l.level] && (stream === 'all' || l.stream === stream));
}

export function countLevels(lines: readonly ClientLogLine[]): Record<LogLevel, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const line of lines) counts[line.level]++;
  return counts;
}
