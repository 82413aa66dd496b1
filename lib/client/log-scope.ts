// Which part of the log the panel works on: by default the current launch only (earlier launches' lines are
// still in the browser's copy) and without the access lines of the app's own probes. Counts, search and the
// level chips all read this scope. Pure.
import type { ClientLogLine } from './log-level';
import { lowerBound } from './log-merge';

export interface LogScopeOptions {
  /** Seq of the current launch's first line; null when unknown (all lines are then this launch's). */
  launchStartSeq: number | null;
  showEarlier: boolean;
  showProbes: boolean;
}

export interface LogScope {
  lines: ClientLogLine[];
  /** Lines of earlier launches, shown or not. */
  earlier: number;
  /** Probe lines in the launch part of the scope, shown or not. */
  probes: number;
}

export function scopeLines(all: ClientLogLine[], options: LogScopeOptions): LogScope {
  const from = options.launchStartSeq === null ? 0 : lowerBound(all, options.launchStartSeq);
  const inScope = options.showEarlier || from === 0 ? all : all.slice(from);
  let probes = 0;
  for (const line of inScope) if (line.probe) probes++;
  const lines = options.showProbes || probes === 0 ? inScope : inScope.filter((line) => !line.probe);
  return { lines, earlier: from, probes };
}
