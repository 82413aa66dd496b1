// Folds a batch of log events into the lines the console holds: new seqs are appended, a redrawn line
// (a progress bar re-sent with its seq) replaces its earlier text in place, and only the newest `max` lines
// are kept. Lines stay sorted by seq, so lookups are binary searches. Pure.

interface HasSeq {
  seq: number;
}

export function mergeLines<T extends HasSeq>(prev: T[], batch: ReadonlyMap<number, T>, max: number): T[] {
  if (batch.size === 0) return prev;
  const next = prev.slice();
  const firstSeq = next[0]?.seq ?? 0;
  const lastSeq = next.at(-1)?.seq ?? 0;
  for (const line of [...batch.values()].sort((a, b) => a.seq - b.seq)) {
    if (line.seq > (next.at(-1)?.seq ?? 0)) next.push(line);
    else if (line.seq >= firstSeq && line.seq <= lastSeq) {
      const index = indexOfSeq(next, line.seq);
      if (index >= 0) next[index] = line;
    }
  }
  return next.length > max ? next.slice(next.length - max) : next;
}

/** Index of the first line whose seq is ≥ `seq` (lines.length when there is none). */
export function lowerBound(lines: readonly HasSeq[], seq: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lines[mid]?.seq ?? 0) < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the line with exactly this seq, or -1. */
export function indexOfSeq(lines: readonly HasSeq[], seq: number): number {
  const index = lowerBound(lines, seq);
  return lines[index]?.seq === seq ? index : -1;
}
