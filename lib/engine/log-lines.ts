// Turns the raw bytes of ONE child stream (stdout or stderr) into log-line events. Python tools draw progress
// bars with carriage returns, and a browser log has no cursor: a bar that redraws must replace its line instead of
// adding thousands, and a flood without newlines must not grow memory without bound.

/**
 * What happened to this stream's log. `line` and `open` add a NEW line (the consumer assigns a new seq);
 * `update` and `close` replace the text of this stream's most recent line (the consumer keeps its seq).
 * `open`/`update` describe a line whose newline has not arrived yet (a redrawing progress bar); `close` is its
 * final text. `update` also arrives for a complete line that redraws the previous one (vLLM's `\r<bar>\n` bar).
 */
export type LineEvent =
  | { kind: 'line'; text: string }
  | { kind: 'open'; text: string }
  | { kind: 'update'; text: string }
  | { kind: 'close'; text: string };

export interface LineAssemblerOptions {
  /** Longest line kept, in UTF-16 code units of raw text; the rest is dropped and the line marked. */
  maxLineChars?: number;
}

export const DEFAULT_MAX_LINE_CHARS = 16 * 1024;
export const TRUNCATION_MARK = ' …[line truncated]';

/** True when the event needs a new seq; otherwise it rewrites the stream's most recent line. */
export function opensNewLine(event: LineEvent): boolean {
  return event.kind === 'line' || event.kind === 'open';
}

// biome-ignore-start lint/suspicious/noControlCharactersInRegex: matching terminal control bytes is the point
const ANSI =
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\|\x1b[ -/]*[0-~]/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// A chunk can stop in the middle of an escape sequence; hide the fragment until the rest arrives.
const INCOMPLETE_ESCAPE = /\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*\x1b?|[PX^_][^\x1b]*\x1b?|[ -/]*)?$/;
// biome-ignore-end lint/suspicious/noControlCharactersInRegex: see above
const COUNTER = /\d+(?:\.\d+)?\s*%|\d+\s*\/\s*\d+/;

/** Removes ANSI escape sequences and control characters other than tab. */
export function stripControls(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '');
}

/**
 * What a terminal would show for one raw line (no `\n` inside): the last non-blank `\r`-separated segment,
 * without ANSI sequences or control characters.
 */
export function cleanLine(raw: string): string {
  const segments = raw.split('\r');
  for (let i = segments.length - 1; i >= 0; i--) {
    const text = stripControls(segments[i] ?? '');
    if (text.trim() !== '') return text;
  }
  return stripControls(segments[segments.length - 1] ?? '');
}

/**
 * The part of a progress line before its first percentage or a/b counter, e.g.
 * `Loading safetensors checkpoint shards:` — two redraws of one bar share it. Null when there is no counter.
 */
export function progressKey(text: string): string | null {
  const match = COUNTER.exec(text);
  return match ? text.slice(0, match.index).trimEnd() : null;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Feed it chunks of one stream with `push`, call `end` when the stream closes; apply the events in order. */
export class LineAssembler {
  private readonly maxLineChars: number;
  private decoder = new TextDecoder('utf-8');
  /** Raw text after the last carriage return of the unfinished line. */
  private cur = '';
  private curCut = false;
  /** Cleaned text of the last non-blank segment a `\r` ended: what stays visible until something overwrites it. */
  private lastSegment = '';
  /** The unfinished line was redrawn (a `\r` followed by more text). */
  private redrawn = false;
  /** A `\r` ended the input so far; it is a redraw unless a `\n` follows (then it was a CRLF). */
  private pendingCR = false;
  /** Text last emitted for the unfinished line, or null while it has not been shown. */
  private shown: string | null = null;
  /** Progress key of the most recent line if that line was a redrawn bar, else null. */
  private prevKey: string | null = null;

  constructor(options: LineAssemblerOptions = {}) {
    this.maxLineChars = Math.max(1, options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS);
  }

  push(chunk: Uint8Array | string): LineEvent[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const out: LineEvent[] = [];
    this.consume(text, out);
    if (this.redrawn || this.shown !== null) this.showPending(out);
    return out;
  }

  /**
   * Shows the unfinished line even though it has no `\r` redraw yet (say, a prompt waiting for input);
   * meant for an idle timer. Later redraws and the newline then update that same line.
   */
  surface(): LineEvent[] {
    const out: LineEvent[] = [];
    if (this.cur !== '' || this.redrawn) this.showPending(out, true);
    return out;
  }

  /** Flushes the decoder and emits the unfinished line, if any. The assembler can be reused afterwards. */
  end(): LineEvent[] {
    const out: LineEvent[] = [];
    this.consume(this.decoder.decode(), out);
    this.pendingCR = false;
    if (this.cur !== '' || this.redrawn || this.shown !== null) this.finishLine(out);
    this.decoder = new TextDecoder('utf-8');
    return out;
  }

  private consume(text: string, out: LineEvent[]): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      this.feed(nl === -1 ? text.slice(start) : text.slice(start, nl));
      if (nl === -1) return;
      this.finishLine(out);
      start = nl + 1;
    }
  }

  /** Adds text that contains no `\n` to the unfinished line. */
  private feed(piece: string): void {
    if (piece === '') return;
    if (this.pendingCR) {
      this.pendingCR = false;
      this.carriageReturn();
    }
    let from = 0;
    for (;;) {
      const cr = piece.indexOf('\r', from);
      if (cr === -1) {
        this.appendCur(piece.slice(from));
        return;
      }
      this.appendCur(piece.slice(from, cr));
      if (cr === piece.length - 1) {
        this.pendingCR = true;
        return;
      }
      this.carriageReturn();
      from = cr + 1;
    }
  }

  private carriageReturn(): void {
    const segment = this.segmentText(false);
    if (segment.trim() !== '') this.lastSegment = segment;
    this.cur = '';
    this.curCut = false;
    this.redrawn = true;
  }

  private appendCur(text: string): void {
    if (this.curCut || text === '') return;
    const room = this.maxLineChars - this.cur.length;
    if (text.length <= room) {
      this.cur += text;
      return;
    }
    let cut = room;
    if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
    this.cur += text.slice(0, cut);
    this.curCut = true;
  }

  private segmentText(partial: boolean): string {
    const raw = partial ? this.cur.replace(INCOMPLETE_ESCAPE, '') : this.cur;
    return stripControls(raw) + (this.curCut ? TRUNCATION_MARK : '');
  }

  private visibleText(partial: boolean): string {
    const segment = this.segmentText(partial);
    return segment.trim() !== '' ? segment : this.lastSegment;
  }

  private showPending(out: LineEvent[], force = false): void {
    const text = this.visibleText(true);
    if (this.shown === null) {
      const key = progressKey(text);
      // Right after a bar line, a redraw cut before its counter cannot be told from a new line yet: wait.
      if (text === '' || (key === null && this.prevKey !== null && !force)) return;
      const redrawsPrevious = key !== null && key === this.prevKey;
      out.push({ kind: redrawsPrevious ? 'update' : 'open', text });
    } else if (text !== this.shown) {
      out.push({ kind: 'update', text });
    }
    this.shown = text;
  }

  private finishLine(out: LineEvent[]): void {
    // A `\r` right before the `\n` is a CRLF line ending, not a redraw.
    this.pendingCR = false;
    const text = this.visibleText(false);
    const key = this.redrawn ? progressKey(text) : null;
    if (this.shown !== null) out.push({ kind: 'close', text });
    else if (key !== null && key === this.prevKey) out.push({ kind: 'update', text });
    else out.push({ kind: 'line', text });
    this.prevKey = key;
    this.cur = '';
    this.curCut = false;
    this.lastSegment = '';
    this.redrawn = false;
    this.shown = null;
  }
}
