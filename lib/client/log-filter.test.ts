import { describe, expect, it } from 'vitest';
import { countLevels, filterLines, isFiltering, SHOW_ALL } from './log-filter';
import { type ClientLogLine, toClientLine } from './log-level';
import { indexOfSeq, lowerBound, mergeLines } from './log-merge';

const line = (seq: number, text: string, stream: ClientLogLine['stream'] = 'stdout') =>
  toClientLine({ seq, ts: seq, stream, text });

const lines = [
  line(1, 'INFO a'),
  line(2, 'WARNING b', 'stderr'),
  line(3, 'ERROR c', 'stderr'),
  line(4, 'app line', 'system'),
];

describe('log filter', () => {
  it('returns the same list when nothing is filtered', () => {
    expect(isFiltering(SHOW_ALL)).toBe(false);
    expect(filterLines(lines, SHOW_ALL)).toBe(lines);
  });

  it('filters by level and by stream', () => {
    const errorsOnly = { ...SHOW_ALL, levels: { error: true, warning: false, info: false } };
    expect(filterLines(lines, errorsOnly).map((l) => l.seq)).toEqual([3]);
    expect(filterLines(lines, { ...SHOW_ALL, stream: 'stderr' }).map((l) => l.seq)).toEqual([2, 3]);
    expect(filterLines(lines, { ...SHOW_ALL, stream: 'system' }).map((l) => l.seq)).toEqual([4]);
  });

  it('counts levels', () => {
    expect(countLevels(lines)).toEqual({ error: 1, warning: 1, info: 2 });
  });
});

describe('mergeLines', () => {
  it('appends new seqs, redraws in place, keeps the newest lines', () => {
    const prev = [line(1, 'a'), line(2, 'bar 10%')];
    const batch = new Map([
      [2, line(2, 'bar 90%')],
      [3, line(3, 'c')],
      [4, line(4, 'd')],
    ]);
    const next = mergeLines(prev, batch, 3);
    expect(next.map((l) => `${l.seq}:${l.text}`)).toEqual(['2:bar 90%', '3:c', '4:d']);
    expect(prev.map((l) => l.text)).toEqual(['a', 'bar 10%']);
  });

  it('ignores redraws of lines it no longer holds and keeps the array when nothing came', () => {
    const prev = [line(5, 'e')];
    expect(mergeLines(prev, new Map(), 10)).toBe(prev);
    expect(mergeLines(prev, new Map([[2, line(2, 'old')]]), 10).map((l) => l.seq)).toEqual([5]);
  });

  it('finds seqs by binary search', () => {
    const sparse = [line(2, ''), line(5, ''), line(9, '')];
    expect(indexOfSeq(sparse, 5)).toBe(1);
    expect(indexOfSeq(sparse, 6)).toBe(-1);
    expect(lowerBound(sparse, 6)).toBe(2);
    expect(lowerBound(sparse, 10)).toBe(3);
    expect(lowerBound(sparse, 0)).toBe(0);
  });
});
