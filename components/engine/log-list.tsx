'use client';
// The log as a windowed list: only the lines near the viewport are in the DOM, so 100,000 lines scroll like
// 100. Wrapped (the default), each line is as many rows as its text needs in the pane's width; unwrapped, one
// row each, and the current search hit is brought into view sideways. Following and holding still is
// use-log-scroll's.
import { type Ref, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { type LogScrollHandle, useLogScroll } from '@/hooks/use-log-scroll';
import { PROBE_TEXT, useLogWrap } from '@/hooks/use-log-wrap';
import type { ClientLogLine } from '@/lib/client/log-level';
import { rowsLayout, uniformLayout, visibleRange } from '@/lib/client/log-window';
import { lineCells } from '@/lib/client/log-wrap';
import { LogRow, ROW_HEIGHT } from './log-row';

const OVERSCAN = 30;

export type LogListHandle = LogScrollHandle;

export interface LogListProps {
  lines: ClientLogLine[];
  query: string;
  activeSeq: number | null;
  markedSeq: number | null;
  isShort: boolean;
  isWrapped: boolean;
  onFollowChange(isFollowing: boolean): void;
  ref?: Ref<LogListHandle>;
}

export function LogList(props: LogListProps) {
  const { lines, query, activeSeq, markedSeq, isShort, isWrapped, onFollowChange, ref } = props;
  const wrapBox = useRef<HTMLDivElement>(null);
  const { cellsPerRow, probe } = useLogWrap(wrapBox);
  const layout = useMemo(() => {
    if (!isWrapped || cellsPerRow < 1) return uniformLayout(lines.length, ROW_HEIGHT);
    const rows = new Uint32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      rows[i] = line ? Math.max(1, Math.ceil(lineCells(line, isShort) / cellsPerRow)) : 1;
    }
    return rowsLayout(rows, ROW_HEIGHT);
  }, [lines, isWrapped, isShort, cellsPerRow]);
  const { box, isFollowing, scrollTop, height, handlers } = useLogScroll(lines, layout, onFollowChange, ref);
  const viewport = height || 400;
  const { start, end } = visibleRange({
    scrollTop: isFollowing ? Math.max(0, layout.total - viewport) : scrollTop,
    viewportHeight: viewport,
    layout,
    overscan: OVERSCAN,
  });
  useSearchHitInView(box, activeSeq, isWrapped, start, end);
  const setBox = useCallback(
    (el: HTMLDivElement | null) => {
      box.current = el;
      wrapBox.current = el;
    },
    [box],
  );

  return (
    <div
      ref={setBox}
      role="log"
      aria-live="off"
      aria-label="Engine log lines"
      data-testid="log-view"
      data-following={isFollowing}
      data-wrapped={isWrapped}
      {...handlers}
      className="relative h-full overflow-auto overscroll-contain bg-log font-mono text-xs focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
    >
      {/* The ruler for one character's width, in a box of no size so that it adds no scroll width. */}
      <span
        aria-hidden
        className="pointer-events-none invisible absolute top-0 left-0 size-0 overflow-hidden"
      >
        <span ref={probe} className="whitespace-pre">
          {PROBE_TEXT}
        </span>
      </span>
      <div className="relative min-w-full" style={{ height: layout.total }}>
        <div
          className={`absolute top-0 left-0 min-w-full ${isWrapped ? 'w-full' : 'w-max'}`}
          style={{ transform: `translateY(${layout.top(start)}px)` }}
        >
          {lines.slice(start, end).map((line, i) => (
            <LogRow
              key={line.seq}
              line={line}
              query={query}
              isActive={line.seq === activeSeq}
              isMarked={line.seq === markedSeq}
              isShort={isShort}
              isWrapped={isWrapped}
              height={layout.height(start + i)}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

/** Unwrapped, a hit far along a long line would sit off-screen: scroll sideways to it, once per hit. */
function useSearchHitInView(
  box: { current: HTMLDivElement | null },
  activeSeq: number | null,
  isWrapped: boolean,
  start: number,
  end: number,
) {
  const shown = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: start/end re-run it once the hit's row renders
  useLayoutEffect(() => {
    const el = box.current;
    if (isWrapped || activeSeq === null || !el) {
      shown.current = null;
      return;
    }
    if (shown.current === activeSeq) return;
    const mark = el.querySelector<HTMLElement>(`[data-seq="${activeSeq}"] mark`);
    if (!mark) return;
    shown.current = activeSeq;
    const left = mark.getBoundingClientRect().left - el.getBoundingClientRect().left + el.scrollLeft;
    const right = left + mark.getBoundingClientRect().width;
    if (left >= el.scrollLeft && right <= el.scrollLeft + el.clientWidth) return;
    el.scrollLeft = Math.max(0, left - el.clientWidth / 3);
  }, [box, activeSeq, isWrapped, start, end]);
}
