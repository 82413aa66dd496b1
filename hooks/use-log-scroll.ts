'use client';
// Scrolling of the windowed log: follow the newest line until the reader scrolls up (wheel, touch, keys, the
// scrollbar), then hold still — anchored to the line at the top, even when old lines are dropped or a
// filter changes the list — until they scroll back to the bottom or resume. Scrolls the app makes itself
// are told apart from the reader's by the position they were aimed at.
import {
  type KeyboardEvent,
  type Ref,
  type TouchEvent,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type WheelEvent,
} from 'react';
import { lowerBound } from '@/lib/client/log-merge';
import { centredScrollTop, type RowLayout } from '@/lib/client/log-window';

const UP_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);
const BOTTOM = Number.MAX_SAFE_INTEGER;

export interface LogScrollHandle {
  scrollToIndex(index: number): void;
  resume(): void;
}

export function useLogScroll(
  lines: readonly { seq: number }[],
  layout: RowLayout,
  onFollowChange: (isFollowing: boolean) => void,
  ref: Ref<LogScrollHandle> | undefined,
) {
  const box = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  const expected = useRef<number | null>(null);
  const lastTop = useRef(0);
  const anchor = useRef<{ seq: number; offset: number } | null>(null);
  const shown = useRef(lines);
  const placed = useRef(layout);
  const touchY = useRef<number | null>(null);
  const [isFollowing, setFollowing] = useState(true);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  const remember = useCallback((top: number) => {
    const index = placed.current.indexAt(top);
    const line = shown.current[index];
    anchor.current = line ? { seq: line.seq, offset: top - placed.current.top(index) } : null;
  }, []);

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
        if (el) moveTo(centredScrollTop(index, placed.current, el.clientHeight));
      },
      resume() {
        setFollow(true);
        moveTo(BOTTOM);
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
      if (follow.current) moveTo(BOTTOM);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [moveTo]);

  // New lines, a filter, or rows re-wrapped (wrap toggled, pane resized): hold the line at the top in place.
  useLayoutEffect(() => {
    const changed = shown.current !== lines || placed.current !== layout;
    shown.current = lines;
    placed.current = layout;
    if (follow.current) {
      moveTo(BOTTOM);
      return;
    }
    const held = anchor.current;
    if (!held || !changed) return;
    const top = layout.top(lowerBound(lines, held.seq)) + held.offset;
    if (Math.abs(top - (box.current?.scrollTop ?? 0)) > 1) moveTo(top);
  }, [lines, layout, moveTo]);

  const isScrollable = () => {
    const el = box.current;
    return Boolean(el && el.scrollHeight > el.clientHeight);
  };

  const handlers = {
    onScroll() {
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
    },
    onWheel(e: WheelEvent) {
      if (e.deltaY < 0 && isScrollable()) setFollow(false);
    },
    onKeyDown(e: KeyboardEvent) {
      if (UP_KEYS.has(e.key) && isScrollable()) setFollow(false);
    },
    onTouchStart(e: TouchEvent) {
      touchY.current = e.touches[0]?.clientY ?? null;
    },
    onTouchMove(e: TouchEvent) {
      const y = e.touches[0]?.clientY;
      if (touchY.current !== null && y !== undefined && y - touchY.current > 8 && isScrollable())
        setFollow(false);
    },
  };

  return { box, isFollowing, scrollTop, height, handlers };
}
