'use client';
// The live log: toolbar, the windowed list, and the "paused" bar while the reader looks at older lines.
// It works on the current launch without the app's own probes unless asked (log-scope); jumps (a search
// match, the line a diagnosis quotes) stop following and mark the line, widening the scope if it hides it.
import { memo, type Ref, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLogSearch } from '@/hooks/use-log-search';
import { countLevels, filterLines, isFiltering, type LogFilter, SHOW_ALL } from '@/lib/client/log-filter';
import type { ClientLogLine } from '@/lib/client/log-level';
import { indexOfSeq, lowerBound } from '@/lib/client/log-merge';
import { scopeLines } from '@/lib/client/log-scope';
import { LogList, type LogListHandle } from './log-list';
import { LogToolbar } from './log-toolbar';

/** A request to show one line; `n` makes a repeated click on the same line a new request. */
export interface LogFocus {
  seq: number;
  n: number;
}

export interface LogPanelProps {
  lines: ClientLogLine[];
  connected: boolean;
  skipped: number;
  focus: LogFocus | null;
  /** Seq of the current launch's first line (the status says it); earlier lines are earlier launches'. */
  launchStartSeq: number | null;
  ref?: Ref<HTMLElement>;
}

export const LogPanel = memo(function LogPanel(props: LogPanelProps) {
  const { lines: all, connected, skipped, focus, launchStartSeq, ref } = props;
  const [filter, setFilter] = useState<LogFilter>(SHOW_ALL);
  const [showEarlier, setShowEarlier] = useState(false);
  const [showProbes, setShowProbes] = useState(false);
  const [isWrapped, setWrapped] = useState(true);
  const [isFollowing, setFollowing] = useState(true);
  const [pausedAfter, setPausedAfter] = useState(0);
  const [markedSeq, setMarkedSeq] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isShort, setShort] = useState(true);
  const list = useRef<LogListHandle>(null);
  const lastSeq = useRef(0);
  const handled = useRef<LogFocus | null>(null);
  useLayoutEffect(() => {
    lastSeq.current = all.at(-1)?.seq ?? 0;
  }, [all]);

  const scope = useMemo(
    () => scopeLines(all, { launchStartSeq, showEarlier, showProbes }),
    [all, launchStartSeq, showEarlier, showProbes],
  );
  const { lines } = scope;
  const visible = useMemo(() => filterLines(lines, filter), [lines, filter]);
  const counts = useMemo(() => countLevels(lines), [lines]);
  const search = useLogSearch(visible, list);
  const newLines = isFollowing ? 0 : visible.length - lowerBound(visible, pausedAfter + 1);

  const onFollowChange = useCallback((value: boolean) => {
    setFollowing(value);
    if (!value) setPausedAfter(lastSeq.current);
    else setMarkedSeq(null);
  }, []);

  const changeFilter = (next: LogFilter) => {
    setFilter(next);
    search.resetCursor();
  };
  const changeScope = (change: () => void) => {
    change();
    search.resetCursor();
  };

  useEffect(() => {
    if (!focus || handled.current === focus) return;
    const index = indexOfSeq(visible, focus.seq);
    if (index < 0 && indexOfSeq(all, focus.seq) >= 0 && (isFiltering(filter) || lines !== all)) {
      // The line is hidden by a filter or the scope: show everything, then come back here.
      setFilter(SHOW_ALL);
      setShowEarlier(true);
      setShowProbes(true);
      return;
    }
    handled.current = focus;
    if (index < 0) {
      setNotice('That line is no longer in the browser’s copy of the log; the downloaded log has it.');
      return;
    }
    setNotice(null);
    list.current?.scrollToIndex(index);
    setMarkedSeq(focus.seq);
  }, [focus, visible, filter, lines, all]);

  return (
    <section
      ref={ref}
      aria-label="Engine log"
      data-testid="log-panel"
      className="flex flex-col overflow-hidden rounded-lg border border-border bg-card"
    >
      <LogToolbar
        connected={connected}
        total={lines.length}
        counts={counts}
        filter={filter}
        onFilterChange={changeFilter}
        query={search.query}
        onQueryChange={search.changeQuery}
        matchPosition={search.cursor + 1}
        matchCount={search.matches.length}
        onStep={search.step}
        isShort={isShort}
        onShortChange={setShort}
        isWrapped={isWrapped}
        onWrappedChange={setWrapped}
        earlier={scope.earlier}
        showEarlier={showEarlier}
        onShowEarlierChange={(value) => changeScope(() => setShowEarlier(value))}
        probes={scope.probes}
        showProbes={showProbes}
        onShowProbesChange={(value) => changeScope(() => setShowProbes(value))}
        copyAll={() => visible.map((l) => l.text).join('\n')}
      />
      {(skipped > 0 || notice) && (
        <p className="border-b border-border bg-warning/10 px-3 py-1.5 text-xs text-warning">
          {notice ??
            `${skipped.toLocaleString('en')} lines came faster than this browser read them and were skipped; the downloaded log has them all.`}
        </p>
      )}
      <div className="relative h-[min(60dvh,30rem)] min-h-64">
        <LogList
          ref={list}
          lines={visible}
          query={search.query}
          activeSeq={search.activeSeq}
          markedSeq={markedSeq}
          isShort={isShort}
          isWrapped={isWrapped}
          onFollowChange={onFollowChange}
        />
        {lines.length === 0 && (
          <p className="pointer-events-none absolute inset-x-0 top-3 text-center text-xs text-muted-foreground">
            {all.length > 0 ? 'No output from this launch yet.' : 'No output yet.'}
          </p>
        )}
        {lines.length > 0 && visible.length === 0 && (
          <p className="pointer-events-none absolute inset-x-0 top-3 text-center text-xs text-muted-foreground">
            No line matches the filters.
          </p>
        )}
        {!isFollowing && (
          <div data-testid="log-paused" className="absolute inset-x-0 bottom-3 flex justify-center px-3">
            <button
              type="button"
              data-testid="log-resume"
              onClick={() => list.current?.resume()}
              className="inline-flex h-8 items-center gap-1.5 rounded-full border border-border bg-card px-3 text-xs font-medium shadow-md transition hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
            >
              <span className="text-muted-foreground">
                Paused — {newLines.toLocaleString('en')} new line{newLines === 1 ? '' : 's'} ·
              </span>
              <span className="text-primary">Resume</span>
            </button>
          </div>
        )}
      </div>
    </section>
  );
});
