'use client';
// Keeps the message list pinned to the newest text while it streams, unless the reader scrolls up; then a
// "Jump to latest" control appears. Only an upward scroll unpins: content growing between two frames moves
// the distance to the bottom too, and must not count as the reader leaving.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

const NEAR_BOTTOM_PX = 48;

export function useChatScroll(resetKey: string | null) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const lastTop = useRef(0);
  const [isAtBottom, setIsAtBottom] = useState(true);

  const pin = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    lastTop.current = el.scrollTop;
  }, []);

  // A different conversation opens at its end.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger, not an input
  useLayoutEffect(() => {
    following.current = true;
    setIsAtBottom(true);
    pin();
  }, [resetKey, pin]);

  useEffect(() => {
    const content = contentRef.current;
    if (!content) return;
    const observer = new ResizeObserver(() => {
      if (following.current) pin();
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [pin]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
    if (distance <= NEAR_BOTTOM_PX) following.current = true;
    else if (el.scrollTop < lastTop.current - 2) following.current = false;
    lastTop.current = el.scrollTop;
    setIsAtBottom(following.current);
  }, []);

  const jumpToLatest = useCallback(() => {
    const el = scrollRef.current;
    following.current = true;
    setIsAtBottom(true);
    el?.scrollTo({ top: el.scrollHeight, behavior: 'smooth' });
  }, []);

  /** Pins to the end now, e.g. right after the person sends. */
  const follow = useCallback(() => {
    following.current = true;
    setIsAtBottom(true);
    pin();
  }, [pin]);

  return { scrollRef, contentRef, onScroll, isAtBottom, jumpToLatest, follow };
}
