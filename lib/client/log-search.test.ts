import { describe, expect, it } from 'vitest';
import { highlightSegments, makeMatcher, matchingIndexes, stepMatch } from './log-search';

const lines = ['INFO start', 'ERROR CUDA out of memory', 'info: cuda graphs', 'a.b*c (x)'].map((text) => ({
  text,
}));

describe('log search', () => {
  it('matches literally and case-insensitively', () => {
    expect(matchingIndexes(lines, 'cuda')).toEqual([1, 2]);
    expect(matchingIndexes(lines, 'b*c (')).toEqual([3]);
    expect(matchingIndexes(lines, '.*')).toEqual([]);
    expect(matchingIndexes(lines, '   ')).toEqual([]);
    expect(makeMatcher('')).toBeNull();
  });

  it('cuts a line into highlighted pieces', () => {
    expect(highlightSegments('Cuda and CUDA', 'cuda')).toEqual([
      { text: 'Cuda', isMatch: true },
      { text: ' and ', isMatch: false },
      { text: 'CUDA', isMatch: true },
    ]);
    expect(highlightSegments('no hit', 'x')).toEqual([{ text: 'no hit', isMatch: false }]);
    expect(highlightSegments('abc', '')).toEqual([{ text: 'abc', isMatch: false }]);
  });

  it('steps through matches, wrapping around', () => {
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(5, 3, 1)).toBe(0);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });
});
