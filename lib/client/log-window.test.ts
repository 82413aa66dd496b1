import { describe, expect, it } from 'vitest';
import { centredScrollTop, rowsLayout, uniformLayout, visibleRange } from './log-window';
import { textCells, wrappedRows } from './log-wrap';

describe('log window', () => {
  it('renders the rows in view plus the overscan', () => {
    const base = { viewportHeight: 360, layout: uniformLayout(100_000, 18), overscan: 10 };
    expect(visibleRange({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 31 });
    expect(visibleRange({ ...base, scrollTop: 18 * 500 })).toEqual({ start: 490, end: 531 });
    expect(visibleRange({ ...base, scrollTop: 18 * 99_990 })).toEqual({ start: 99_980, end: 100_000 });
  });

  it('handles an empty list and a hidden viewport', () => {
    const empty = { scrollTop: 0, viewportHeight: 300, layout: uniformLayout(0, 18), overscan: 5 };
    expect(visibleRange(empty)).toEqual({ start: 0, end: 0 });
    const hidden = { scrollTop: 0, viewportHeight: 0, layout: uniformLayout(50, 18), overscan: 5 };
    expect(visibleRange(hidden)).toEqual({ start: 0, end: 6 });
  });

  it('centres a row and clamps to the list', () => {
    const layout = uniformLayout(1000, 18);
    expect(centredScrollTop(500, layout, 360)).toBe(500 * 18 - 171);
    expect(centredScrollTop(2, layout, 360)).toBe(0);
    expect(centredScrollTop(999, layout, 360)).toBe(1000 * 18 - 360);
    expect(layout.indexAt(18 * 7 + 5)).toBe(7);
  });

  it('lays out wrapped lines of several rows', () => {
    const layout = rowsLayout([1, 3, 1, 2], 10);
    expect(layout.total).toBe(70);
    expect([0, 1, 2, 3].map((i) => layout.top(i))).toEqual([0, 10, 40, 50]);
    expect([0, 9, 10, 39, 40, 55, 999].map((y) => layout.indexAt(y))).toEqual([0, 0, 1, 1, 2, 3, 3]);
    expect(visibleRange({ scrollTop: 35, viewportHeight: 10, layout, overscan: 0 })).toEqual({
      start: 1,
      end: 3,
    });
    expect(centredScrollTop(1, layout, 20)).toBe(15);
  });

  it('counts the rows a line wraps to', () => {
    expect(wrappedRows('', 40)).toBe(1);
    expect(wrappedRows('x'.repeat(40), 40)).toBe(1);
    expect(wrappedRows('x'.repeat(41), 40)).toBe(2);
    expect(wrappedRows('x'.repeat(41), 40.9)).toBe(2);
    expect(textCells('a\tb')).toBe(9);
    expect(textCells('模型')).toBe(4);
    expect(textCells('██ 100%')).toBe(7);
  });
});
