'use client';
// Whether a CSS media query matches, for layout that CSS alone cannot do (e.g. mounting one of two copies
// of a panel). The server render assumes it does not match.
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', listener);
      return () => list.removeEventListener('change', listener);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
