// The engine log kept in memory for late-joining and reconnecting viewers. A model server can print for days,
// so the buffer is bounded by line count and by text size, and appending must stay O(1) at the bound.
import type { LogLine, LogStream } from './types';

export interface LogRingOptions {
  /** Most lines kept; default 20,000. */
  maxLines?: number;
  /** Most text kept, measured by `textBytes`; default 8 MiB. */
  maxBytes?: number;
}

export const DEFAULT_MAX_LINES = 20_000;
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Size charged for a line: UTF-16 length × 2, which is what a JS string of that text costs in memory and is
 * O(1) to compute (Buffer.byteLength would scan the text on every append and update).
 */
export function textBytes(text: string): number {
  return text.length * 2;
}

/**
 * A circular buffer of log lines with consecutive seqs (1, 2, 3, … never reused, also across `clear`), so a
 * seq maps to a slot by arithmetic. Oldest lines are evicted first when either bound would be exceeded.
 * Lines handed out are never mutated: `update` stores a new object.
 */
export class LogRing {
  readonly maxLines: number;
  readonly maxBytes: number;
  private slots: Array<LogLine | undefined> = [];
  /** Slot index of the oldest line. */
  private head = 0;
  private count = 0;
  private total = 0;
  private nextSeq = 1;

  constructor(options: LogRingOptions = {}) {
    this.maxLines = Math.max(1, Math.floor(options.maxLines ?? DEFAULT_MAX_LINES));
    this.maxBytes = Math.max(2, Math.floor(options.maxBytes ?? DEFAULT_MAX_BYTES));
  }

  /** Number of buffered lines. */
  get size(): number {
    return this.count;
  }

  /** Bytes of buffered text, per `textBytes`. */
  get bytes(): number {
    return this.total;
  }

  /** Seq of the oldest buffered line; `lastSeq + 1` when the buffer is empty. */
  get firstSeq(): number {
    return this.nextSeq - this.count;
  }

  /** Seq of the newest line ever appended (0 before the first append), buffered unless the ring is empty. */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Stores a line with the next seq, evicting the oldest lines as needed. Over-long text is cut to fit. */
  append(stream: LogStream, text: string, ts: number = Date.now(), isProbe = false): LogLine {
    const fitted = this.fit(text);
    const size = textBytes(fitted);
    while (this.count > 0 && (this.count >= this.maxLines || this.total + size > this.maxBytes)) {
      this.evictOldest();
    }
    if (this.count === this.slots.length) this.grow();
    const line: LogLine = {
      seq: this.nextSeq++,
      ts,
      stream,
      text: fitted,
      ...(isProbe ? { probe: true } : {}),
    };
    this.slots[(this.head + this.count) % this.slots.length] = line;
    this.count++;
    this.total += size;
    return line;
  }

  /**
   * Replaces the text of a buffered line, keeping its seq and stream. Returns the new line, or undefined when
   * the seq is not buffered (evicted, cleared or never assigned) — then append instead. Growing a line can
   * evict older lines; in the corner case where that evicts this very line, undefined is returned too.
   */
  update(seq: number, text: string, ts: number = Date.now()): LogLine | undefined {
    const index = this.indexOf(seq);
    const old = index === -1 ? undefined : this.slots[index];
    if (!old) return undefined;
    const fitted = this.fit(text);
    const line: LogLine = { ...old, text: fitted, ts };
    this.slots[index] = line;
    this.total += textBytes(fitted) - textBytes(old.text);
    while (this.total > this.maxBytes && this.count > 1) this.evictOldest();
    return this.indexOf(seq) === -1 ? undefined : line;
  }

  get(seq: number): LogLine | undefined {
    const index = this.indexOf(seq);
    return index === -1 ? undefined : this.slots[index];
  }

  /**
   * Buffered lines with seq greater than `seq`, oldest first. A cursor older than the buffer gets everything
   * buffered — compare the first returned seq with `seq + 1` to detect the gap. A cursor at or past
   * `lastSeq` gets []. Note that edits of lines at or below the cursor (redrawn bars) are not included.
   */
  since(seq: number): LogLine[] {
    const cursor = Number.isNaN(seq) ? 0 : Math.floor(seq);
    const from = Math.max(cursor + 1, this.firstSeq);
    if (!(from < this.nextSeq)) return [];
    const out = new Array<LogLine>(this.nextSeq - from);
    let index = (this.head + (from - this.firstSeq)) % this.slots.length;
    for (let i = 0; i < out.length; i++) {
      out[i] = this.slots[index] as LogLine;
      index = index + 1 === this.slots.length ? 0 : index + 1;
    }
    return out;
  }

  /** The newest `n` buffered lines (fewer if fewer are buffered), oldest first. */
  tail(n: number): LogLine[] {
    if (!(n > 0)) return [];
    return this.since(this.lastSeq - Math.floor(n));
  }

  /** Drops every line. Seqs keep counting so cursors held by clients never match a different line. */
  clear(): void {
    this.slots = [];
    this.head = 0;
    this.count = 0;
    this.total = 0;
  }

  private indexOf(seq: number): number {
    if (!Number.isInteger(seq) || seq < this.firstSeq || seq > this.lastSeq) return -1;
    return (this.head + (seq - this.firstSeq)) % this.slots.length;
  }

  private evictOldest(): void {
    const line = this.slots[this.head];
    if (line) this.total -= textBytes(line.text);
    this.slots[this.head] = undefined;
    this.head = this.head + 1 === this.slots.length ? 0 : this.head + 1;
    this.count--;
  }

  /** Doubles the slot array up to maxLines, unrolling the ring so the oldest line sits at index 0. */
  private grow(): void {
    const capacity = Math.min(this.maxLines, Math.max(64, this.slots.length * 2));
    const next = new Array<LogLine | undefined>(capacity);
    for (let i = 0; i < this.count; i++) next[i] = this.slots[(this.head + i) % this.slots.length];
    this.slots = next;
    this.head = 0;
  }

  /** Cuts text that alone would exceed maxBytes, without splitting a surrogate pair. */
  private fit(text: string): string {
    if (textBytes(text) <= this.maxBytes) return text;
    let cut = Math.floor(this.maxBytes / 2);
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    return text.slice(0, cut);
  }
}
