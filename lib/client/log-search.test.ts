import { describe, expect, it } from 'vitest';
import {
  highlightSegments,
  makeMatcher,
  matchingIndexes,
  type SearchMemo,
  searchLines,
  stepMatch,
} from './log-search';

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

  it('reuses the last answers for lines it has seen, and tests new and redrawn ones', () => {
    const make = (seq: number, text: string) => ({ seq, text });
    const first = [make(1, 'cuda a'), make(2, 'b'), make(3, 'cuda c')];
    const one = searchLines(first, 'cuda', null);
    expect(one.indexes).toEqual([0, 2]);
    // A memo that lies proves reuse: line 1 is the same object at the same place.
    const lying = { ...one.memo, hits: Uint8Array.from([0, 0, 1]) } as SearchMemo;
    const next = [...first, make(4, 'CUDA d')];
    expect(searchLines(next, 'cuda', lying).indexes).toEqual([2, 3]);
    // Front lines dropped and line 3 redrawn (a new object): re-tested.
    const trimmed = [first[1], make(3, 'no match now'), make(4, 'CUDA d')].filter((l) => l !== undefined);
    expect(searchLines(trimmed, 'cuda', searchLines(next, 'cuda', null).memo).indexes).toEqual([2]);
    // Another query starts over.
    expect(searchLines(next, 'b', one.memo).indexes).toEqual([1]);
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
