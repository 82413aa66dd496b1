'use client';
// The log as a windowed list: rows of one height, only those near the viewport in the DOM, so 100,000 lines
// scroll like 100. It follows the newest line until the reader scrolls up (wheel, touch, keys, scrollbar),
// then holds still — anchored to the line at its top even when old lines are dropped — until they scroll
// back to the bottom or resume.
import { type Ref, useCallback, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import type { ClientLogLine } from '@/lib/client/log-level';
import { lowerBound } from '@/lib/client/log-merge';
import { centredScrollTop, topRow, visibleRange } from '@/lib/client/log-window';
import { LogRow, ROW_HEIGHT } from './log-row';

const OVERSCAN = 30;
const UP_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

export interface LogListHandle {
  scrollToIndex(index: number): void;
  resume(): void;
}

export interface LogListProps {
  lines: ClientLogLine[];
  query: string;
  activeSeq: number | null;
  markedSeq: number | null;
  isShort: boolean;
  onFollowChange(isFollowing: boolean): void;
  ref?: Ref<LogListHandle>;
}

export function LogList({ lines, query, activeSeq, markedSeq, isShort, onFollowChange, ref }: LogListProps) {
  const box = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  const expected = useRef<number | null>(null);
  const lastTop = useRef(0);
  const anchor = useRef<{ seq: number; offset: number } | null>(null);
  const shown = useRef(lines);
  const touchY = useRef<number | null>(null);
  const [isFollowing, setFollowing] = useState(true);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  const remember = useCallback((top: number) => {
    const list = shown.current;
    const line = list[Math.min(list.length - 1, topRow(top, ROW_HEIGHT))];
    anchor.current = line ? { seq: line.seq, offset: top % ROW_HEIGHT } : null;
  }, []);

  /** Scrolls the box itself; the scroll event this causes is recognised as ours. */
  const moveTo = useCallback(
    (top: number) => {
      const el = box.current;
      if (!el) return;
      const clamped = Math.min(Math.max(0, el.scrollHeight - el.clientHeight), Math.max(0, top));
      expected.current = clamped;
      el.scrollTop = clamped;
      lastTop.current = el.scrollTop;
      if (!follow.current) {
        setScrollTop(el.scrollTop);
        remember(el.scrollTop);
      }
    },
    [remember],
  );

  const setFollow = useCallback(
    (value: boolean) => {
      if (follow.current === value) return;
      follow.current = value;
      setFollowing(value);
      onFollowChange(value);
      const el = box.current;
      if (!value && el) {
        setScrollTop(el.scrollTop);
        remember(el.scrollTop);
      }
    },
    [onFollowChange, remember],
  );

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex(index) {
        setFollow(false);
        const el = box.current;
        if (el) moveTo(centredScrollTop(index, ROW_HEIGHT, el.clientHeight, shown.current.length));
      },
      resume() {
        setFollow(true);
        moveTo(Number.MAX_SAFE_INTEGER);
      },
    }),
    [moveTo, setFollow],
  );

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight);
    // Also fires when the console is shown again after being hidden (0 → its height).
    const observer = new ResizeObserver(() => {
      setHeight(el.clientHeight);
      if (follow.current) moveTo(Number.MAX_SAFE_INTEGER);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [moveTo]);

  useLayoutEffect(() => {
    const previous = shown.current;
    shown.current = lines;
    if (follow.current) {
      moveTo(Number.MAX_SAFE_INTEGER);
      return;
    }
    const held = anchor.current;
    if (!held || previous === lines) return;
    // Lines were dropped at the top or filtered: keep the same line at the top of the view.
    const top = lowerBound(lines, held.seq) * ROW_HEIGHT + held.offset;
    if (Math.abs(top - (box.current?.scrollTop ?? 0)) > 1) moveTo(top);
  }, [lines, moveTo]);

  const isScrollable = () => {
    const el = box.current;
    return Boolean(el && el.scrollHeight > el.clientHeight);
  };

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    const top = el.scrollTop;
    const isOurs = expected.current !== null && Math.abs(top - expected.current) <= 1;
    expected.current = null;
    const isAtBottom = el.scrollHeight - top - el.clientHeight <= 2;
    if (!isOurs && follow.current && !isAtBottom && top < lastTop.current - 1) setFollow(false);
    else if (!isOurs && !follow.current && isAtBottom) setFollow(true);
    lastTop.current = top;
    if (!follow.current) {
      setScrollTop(top);
      remember(top);
    }
  };

  const count = lines.length;
  const viewport = height || 400;
  const { start, end } = visibleRange({
    scrollTop: isFollowing ? Math.max(0, count * ROW_HEIGHT - viewport) : scrollTop,
    viewportHeight: viewport,
    rowHeight: ROW_HEIGHT,
    count,
    overscan: OVERSCAN,
  });

  return (
    <div
      ref={box}
      role="log"
      aria-label="Engine log lines"
      data-testid="log-view"
      data-following={isFollowing}
      onScroll={onScroll}
      onWheel={(e) => {
        if (e.deltaY < 0 && isScrollable()) setFollow(false);
      }}
      onKeyDown={(e) => {
        if (UP_KEYS.has(e.key) && isScrollable()) setFollow(false);
      }}
      onTouchStart={(e) => {
        touchY.current = e.touches[0]?.clientY ?? null;
      }}
      onTouchMove={(e) => {
        const y = e.touches[0]?.clientY;
        if (touchY.current !== null && y !== undefined && y - touchY.current > 8 && isScrollable())
          setFollow(false);
      }}
      className="h-full overflow-auto overscroll-contain bg-log font-mono text-xs focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
    >
      <div className="relative min-w-full" style={{ height: count * ROW_HEIGHT }}>
        <div
          className="absolute top-0 left-0 w-max min-w-full"
          style={{ transform: `translateY(${start * ROW_HEIGHT}px)` }}
        >
          {lines.slice(start, end).map((line) => (
            <LogRow
              key={line.seq}
              line={line}
              query={query}
              isActive={line.seq === activeSeq}
              isMarked={line.seq === markedSeq}
              isShort={isShort}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
