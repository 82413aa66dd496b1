import { describe, expect, it } from 'vitest';
import { scaleY, sparklinePath } from './sparkline';

describe('sparkline path', () => {
  it('spreads values across the width and scales them into the height', () => {
    expect(sparklinePath([0, 5, 10], { width: 100, height: 20, pad: 0 })).toBe('M0,20L50,10L100,0');
  });

  it('uses 0 as the floor unless told, and honours a fixed range', () => {
    expect(sparklinePath([5, 10], { width: 10, height: 10, pad: 0 })).toBe('M0,5L10,0');
    expect(sparklinePath([0.5, 1], { width: 10, height: 10, pad: 0, min: 0, max: 2 })).toBe('M0,7.5L10,5');
  });

  it('draws a flat series on the floor and a single value as a line', () => {
    expect(sparklinePath([0, 0, 0], { width: 10, height: 10, pad: 1 })).toBe('M0,9L5,9L10,9');
    expect(sparklinePath([3], { width: 10, height: 10, pad: 0 })).toBe('M0,0L10,0');
    expect(sparklinePath([], { width: 10, height: 10 })).toBe('');
    expect(sparklinePath([null, null], { width: 10, height: 10 })).toBe('');
  });

  it('breaks the line at a missing value', () => {
    expect(sparklinePath([1, null, 1, 1], { width: 30, height: 10, pad: 0 })).toBe('M0,0M20,0L30,0');
  });

  it('clamps values outside the range', () => {
    expect(scaleY(5, 0, 1, 10, 1)).toBe(1);
    expect(scaleY(-1, 0, 1, 10, 1)).toBe(9);
  });
});
