'use client';
// For a part of the page that loads on use: shown at once when `now` says so, else on the first sign the
// person is going there — a wheel, touch, key, pointer press or focus in `area`, or the placeholder coming
// into view. Shown in a transition, so the placeholder stays until the part's code has arrived: no flash
// of a fallback, and no part loaded for a screen that does not show it.
import { type RefObject, startTransition, useCallback, useEffect, useState } from 'react';

const INTENT_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown', 'focusin'] as const;

export function useRevealOnIntent(
  now: boolean,
  area: RefObject<HTMLElement | null>,
  placeholder: RefObject<HTMLElement | null>,
) {
  const [isShown, setShown] = useState(now);
  const reveal = useCallback(() => startTransition(() => setShown(true)), []);
  useEffect(() => {
    if (now) reveal();
  }, [now, reveal]);
  useEffect(() => {
    const root = area.current;
    const spot = placeholder.current;
    if (isShown || !root || !spot) return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) reveal();
    });
    seen.observe(spot);
    for (const type of INTENT_EVENTS) root.addEventListener(type, reveal, { passive: true, once: true });
    return () => {
      seen.disconnect();
      for (const type of INTENT_EVENTS) root.removeEventListener(type, reveal);
    };
  }, [isShown, area, placeholder, reveal]);
  return [isShown, reveal] as const;
}
