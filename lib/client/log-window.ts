// Windowing maths for the log list: each line is one or more rows of a fixed height (several when it wraps),
// laid out by prefix sums, and only the lines in (or near) the viewport are rendered. Pure.

/** Where each line sits: `tops[i]` is line i's top, `tops[count]` the height of the whole list. */
export interface RowLayout {
  readonly count: number;
  readonly total: number;
  top(index: number): number;
  height(index: number): number;
  /** The line at vertical position `y` (clamped to the list). */
  indexAt(y: number): number;
}

/** Every line one row high: the unwrapped log. */
export function uniformLayout(count: number, rowHeight: number): RowLayout {
  return {
    count,
    total: count * rowHeight,
    top: (i) => i * rowHeight,
    height: () => rowHeight,
    indexAt: (y) =>
      count === 0 || rowHeight <= 0 ? 0 : Math.min(count - 1, Math.floor(Math.max(0, y) / rowHeight)),
  };
}

/** Lines of `rows[i]` rows each: the wrapped log. */
export function rowsLayout(rows: ArrayLike<number>, rowHeight: number): RowLayout {
  const count = rows.length;
  const tops = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) tops[i + 1] = (tops[i] ?? 0) + Math.max(1, rows[i] ?? 1) * rowHeight;
  return {
    count,
    total: tops[count] ?? 0,
    top: (i) => tops[Math.max(0, Math.min(count, i))] ?? 0,
    height: (i) => (tops[i + 1] ?? 0) - (tops[i] ?? 0),
    indexAt(y) {
      if (count === 0) return 0;
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((tops[mid] ?? 0) <= y) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  layout: RowLayout;
  /** Lines rendered beyond each edge, so a quick scroll does not show blank space. */
  overscan: number;
}

/** Lines [start, end) to render. */
export function visibleRange({ scrollTop, viewportHeight, layout, overscan }: WindowInput): {
  start: number;
  end: number;
} {
  if (layout.count === 0) return { start: 0, end: 0 };
  const first = layout.indexAt(Math.max(0, scrollTop));
  const last = layout.indexAt(Math.max(0, scrollTop) + Math.max(0, viewportHeight));
  const start = Math.max(0, first - overscan);
  const end = Math.min(layout.count, last + 1 + overscan);
  return { start, end: Math.max(start, end) };
}

/** The scrollTop that puts line `index` in the middle of the viewport (clamped to the list). */
export function centredScrollTop(index: number, layout: RowLayout, viewportHeight: number): number {
  const max = Math.max(0, layout.total - viewportHeight);
  const top = layout.top(index) - (viewportHeight - layout.height(index)) / 2;
  return Math.round(Math.min(max, Math.max(0, top)));
}
