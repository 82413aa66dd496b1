import { describe, expect, it } from 'vitest';
import { centredScrollTop, topRow, visibleRange } from './log-window';

describe('log window', () => {
  it('renders the rows in view plus the overscan', () => {
    const base = { rowHeight: 18, viewportHeight: 360, count: 100_000, overscan: 10 };
    expect(visibleRange({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 31 });
    expect(visibleRange({ ...base, scrollTop: 18 * 500 })).toEqual({ start: 490, end: 531 });
    expect(visibleRange({ ...base, scrollTop: 18 * 99_990 })).toEqual({ start: 99_980, end: 100_000 });
  });

  it('handles an empty list and a hidden viewport', () => {
    expect(visibleRange({ scrollTop: 0, viewportHeight: 300, rowHeight: 18, count: 0, overscan: 5 })).toEqual(
      {
        start: 0,
        end: 0,
      },
    );
    expect(visibleRange({ scrollTop: 0, viewportHeight: 0, rowHeight: 18, count: 50, overscan: 5 })).toEqual({
      start: 0,
      end: 6,
    });
  });

  it('centres a row and clamps to the list', () => {
    expect(centredScrollTop(500, 18, 360, 1000)).toBe(500 * 18 - 171);
    expect(centredScrollTop(2, 18, 360, 1000)).toBe(0);
    expect(centredScrollTop(999, 18, 360, 1000)).toBe(1000 * 18 - 360);
    expect(topRow(18 * 7 + 5, 18)).toBe(7);
  });
});
