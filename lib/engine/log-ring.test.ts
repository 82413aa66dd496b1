import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, LogRing, textBytes } from './log-ring';

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Seq of the oldest line a ring must still hold: the longest suffix of `lengths` within both bounds. */
function expectedFirstSeq(lengths: number[], maxLines: number, maxBytes: number): number {
  let bytes = 0;
  let seq = lengths.length;
  while (seq >= 1 && lengths.length - seq + 1 <= maxLines) {
    const size = (lengths[seq - 1] ?? 0) * 2;
    if (bytes + size > maxBytes) break;
    bytes += size;
    seq--;
  }
  return seq + 1;
}

const textFor = (seq: number, length: number) => `#${seq}:`.padEnd(length, 'x').slice(0, Math.max(length, 0));

describe('LogRing bounds', () => {
  it.each([
    ['line-bound', 0, 300],
    ['byte-bound', 200, 1_000],
  ])('holds both bounds and loses no line inside the window under 200,000 appends (%s)', (_, min, max) => {
    const ring = new LogRing();
    const random = lcg(min + max);
    const lengths: number[] = [];
    for (let seq = 1; seq <= 200_000; seq++) {
      const length = min + Math.floor(random() * (max - min));
      lengths.push(length);
      const line = ring.append(seq % 2 ? 'stdout' : 'stderr', textFor(seq, length), seq);
      if (line.seq !== seq || ring.size > DEFAULT_MAX_LINES || ring.bytes > DEFAULT_MAX_BYTES) {
        throw new Error(`seq or bounds wrong at ${seq}: ${ring.size} lines, ${ring.bytes} bytes`);
      }
    }
    const lines = ring.since(0);
    const first = expectedFirstSeq(lengths, DEFAULT_MAX_LINES, DEFAULT_MAX_BYTES);
    expect(ring.firstSeq).toBe(first);
    expect(ring.lastSeq).toBe(200_000);
    expect(lines).toHaveLength(200_000 - first + 1);
    lines.forEach((line, i) => {
      const seq = first + i;
      if (line.seq !== seq || line.text !== textFor(seq, lengths[seq - 1] ?? 0) || line.ts !== seq) {
        throw new Error(`line ${seq} missing or wrong: ${JSON.stringify(line).slice(0, 80)}`);
      }
    });
    expect(ring.bytes).toBe(lines.reduce((sum, line) => sum + textBytes(line.text), 0));
  });

  it('keeps a contiguous window after every single append with small bounds', () => {
    const ring = new LogRing({ maxLines: 50, maxBytes: 2_000 });
    const random = lcg(7);
    const lengths: number[] = [];
    for (let seq = 1; seq <= 5_000; seq++) {
      const length = Math.floor(random() * 120);
      lengths.push(length);
      ring.append('stdout', textFor(seq, length));
      const lines = ring.since(0);
      const first = expectedFirstSeq(lengths, 50, 2_000);
      const ok =
        ring.size <= 50 &&
        ring.bytes <= 2_000 &&
        lines.length === seq - first + 1 &&
        lines.every((line, i) => line.seq === first + i) &&
        ring.bytes === lines.reduce((sum, line) => sum + textBytes(line.text), 0);
      if (!ok) throw new Error(`window wrong after append ${seq}`);
    }
  });

  it('cuts a single line larger than the byte bound', () => {
    const ring = new LogRing({ maxBytes: 100 });
    ring.append('stdout', 'a'.repeat(10));
    const line = ring.append('stdout', 'b'.repeat(500));
    expect(line.text).toBe('b'.repeat(50));
    expect(ring.size).toBe(1);
    expect(ring.bytes).toBe(100);
  });
});

describe('LogRing cursors', () => {
  function ringOf(count: number): LogRing {
    const ring = new LogRing({ maxLines: 10 });
    for (let seq = 1; seq <= count; seq++) ring.append('stdout', `line ${seq}`);
    return ring;
  }
  const seqs = (ring: LogRing, cursor: number) => ring.since(cursor).map((line) => line.seq);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('answers since() at the edges of the window', () => {
    const ring = ringOf(25);
    expect(ring.firstSeq).toBe(16);
    expect(ring.lastSeq).toBe(25);
    expect(seqs(ring, 0)).toEqual(range(16, 25));
    expect(seqs(ring, 3)).toEqual(range(16, 25)); // evicted cursor: everything kept, gap visible
    expect(seqs(ring, 15)).toEqual(range(16, 25));
    expect(seqs(ring, 16)).toEqual(range(17, 25));
    expect(seqs(ring, 24)).toEqual([25]);
    expect(seqs(ring, 25)).toEqual([]);
    expect(seqs(ring, 1_000)).toEqual([]);
    expect(seqs(ring, Number.POSITIVE_INFINITY)).toEqual([]);
    expect(seqs(ring, -5)).toEqual(range(16, 25));
    expect(seqs(ring, Number.NaN)).toEqual(range(16, 25));
    expect(ring.get(15)).toBeUndefined();
    expect(ring.get(16)?.text).toBe('line 16');
    expect(ring.get(26)).toBeUndefined();
  });

  it('returns the newest lines from tail()', () => {
    const ring = ringOf(25);
    expect(ring.tail(3).map((line) => line.seq)).toEqual([23, 24, 25]);
    expect(ring.tail(100)).toHaveLength(10);
    expect(ring.tail(0)).toEqual([]);
  });

  it('describes an empty ring, and keeps counting seqs across clear()', () => {
    const ring = new LogRing();
    expect([ring.size, ring.bytes, ring.firstSeq, ring.lastSeq]).toEqual([0, 0, 1, 0]);
    expect(ring.since(0)).toEqual([]);
    ring.append('stdout', 'a');
    ring.append('stdout', 'b');
    ring.clear();
    expect([ring.size, ring.bytes, ring.firstSeq, ring.lastSeq]).toEqual([0, 0, 3, 2]);
    expect(ring.since(0)).toEqual([]);
    expect(ring.append('system', 'c').seq).toBe(3);
    expect(seqs(ring, 2)).toEqual([3]);
  });
});

describe('LogRing update', () => {
  it('replaces the text, keeps seq and stream, and fixes the byte count', () => {
    const ring = new LogRing();
    const first = ring.append('stderr', 'bar 10%', 1);
    ring.append('stdout', 'other', 2);
    const updated = ring.update(first.seq, 'bar 100% done', 3);
    expect(updated).toEqual({ seq: first.seq, stream: 'stderr', text: 'bar 100% done', ts: 3 });
    expect(first.text).toBe('bar 10%'); // lines already handed out are not mutated
    expect(ring.get(first.seq)).toBe(updated);
    expect(ring.bytes).toBe(textBytes('bar 100% done') + textBytes('other'));
    ring.update(first.seq, '', 4);
    expect(ring.bytes).toBe(textBytes('other'));
    expect(ring.size).toBe(2);
    expect(ring.lastSeq).toBe(2);
  });

  it('refuses seqs that are not buffered', () => {
    const ring = new LogRing({ maxLines: 2 });
    ring.append('stdout', 'a');
    ring.append('stdout', 'b');
    ring.append('stdout', 'c');
    expect(ring.update(1, 'x')).toBeUndefined();
    expect(ring.update(4, 'x')).toBeUndefined();
    expect(ring.update(2.5, 'x')).toBeUndefined();
    expect(ring.bytes).toBe(4);
  });

  it('evicts older lines when an update grows past the byte bound', () => {
    const ring = new LogRing({ maxBytes: 20 });
    ring.append('stdout', 'aaaa');
    const line = ring.append('stderr', 'bbbb');
    expect(ring.update(line.seq, 'b'.repeat(8))?.text).toBe('bbbbbbbb');
    expect(ring.size).toBe(1);
    expect(ring.firstSeq).toBe(line.seq);
    expect(ring.bytes).toBe(16);
  });
});
