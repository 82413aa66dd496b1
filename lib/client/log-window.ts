// Windowing maths for the log list: rows of one fixed height, and only those in (or near) the viewport are
// rendered. Pure.

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Rows rendered beyond each edge, so a quick scroll does not show blank space. */
  overscan: number;
}

/** Rows [start, end) to render. */
export function visibleRange({ scrollTop, viewportHeight, rowHeight, count, overscan }: WindowInput): {
  start: number;
  end: number;
} {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}

/** The scrollTop that puts row `index` in the middle of the viewport (clamped to the list). */
export function centredScrollTop(index: number, rowHeight: number, viewportHeight: number, count: number) {
  const max = Math.max(0, count * rowHeight - viewportHeight);
  const top = index * rowHeight - (viewportHeight - rowHeight) / 2;
  return Math.round(Math.min(max, Math.max(0, top)));
}

/** The index of the row at the top edge of the viewport. */
export function topRow(scrollTop: number, rowHeight: number): number {
  return rowHeight > 0 ? Math.floor(Math.max(0, scrollTop) / rowHeight) : 0;
}
