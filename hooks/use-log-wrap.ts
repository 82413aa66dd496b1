'use client';
// How many characters fit on one row of the log: the pane's content width over the width of one character of
// its monospace font, both measured in the page and followed as the pane resizes.
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/** The rows' horizontal padding (px-3 on each side). */
const PADDING_X = 24;
const PROBE_CHARS = 100;
export const PROBE_TEXT = '0'.repeat(PROBE_CHARS);

export function useLogWrap(box: RefObject<HTMLDivElement | null>) {
  const probe = useRef<HTMLSpanElement>(null);
  const [cellsPerRow, setCells] = useState(0);

  useLayoutEffect(() => {
    const el = box.current;
    const ruler = probe.current;
    if (!el || !ruler) return;
    const measure = () => {
      const charWidth = ruler.getBoundingClientRect().width / PROBE_CHARS;
      const width = el.clientWidth - PADDING_X;
      // A hair under the true width: a row counted one character short leaves a blank row at worst, one
      // counted too long would cut the line's last row off.
      if (charWidth > 0 && width > 0) setCells(Math.max(1, Math.floor((width - 0.5) / charWidth)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);

  /** Put on a hidden span of PROBE_TEXT in the log's font. */
  return { cellsPerRow, probe };
}
