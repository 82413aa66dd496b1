// Splits streamed `content` text into reasoning and answer by the tags thinking models write inline:
// `<think>…</think>` and ERNIE's `…</think>\n\n<response>\n…\n</response>`.
// Invariants:
// - A tag split across pushes is never emitted as text: a buffer tail that is a prefix of a tag the current
//   phase recognises is held back, and released as text as soon as it can no longer become that tag.
// - Only tags that fit the current phase are recognised, and `<think>`/`<response>` only before any text of
//   their phase; so a literal `<`, `</b>` or a mid-answer `<think>` is plain text and the answer phase holds
//   back nothing.
// - Whitespace touching a recognised tag, the start of the stream or the end of a tagged region is dropped
//   (models put newlines around tags); an untagged answer is otherwise passed through verbatim.

export type TextKind = 'reasoning' | 'content';
export type TextSegment = { kind: TextKind; text: string };

export interface ThinkTagSplitterOptions {
  /**
   * Whether untagged text at the start is thinking. True for ERNIE without a reasoning parser, whose template
   * opens the thought itself so the output starts with reasoning and only `</think>` appears.
   */
  startsThinking?: boolean;
}

// lead-*: before the first non-whitespace text of a region, where an opening tag may still come.
// scan-*: inside a tagged region, watching for its closing tag.
type Phase = 'lead-start' | 'scan-think' | 'lead-answer' | 'scan-response' | 'answer';

const TAGS: Record<Phase, Readonly<Record<string, Phase>>> = {
  'lead-start': { '<think>': 'scan-think', '</think>': 'lead-answer' },
  'scan-think': { '</think>': 'lead-answer' },
  'lead-answer': { '<response>': 'scan-response' },
  'scan-response': { '</response>': 'answer' },
  answer: {},
};

export class ThinkTagSplitter {
  private phase: Phase = 'lead-start';
  private readonly fallback: Phase;
  /** Unconsumed input: only ever a possible partial tag (or leading whitespace in a lead phase). */
  private buffer = '';
  /** Trailing whitespace of emitted text, released only if more text (not a tag) follows. */
  private pendingSpace = '';
  /** Set after a tag: whitespace arriving in later pushes is still "right after the tag". */
  private skipSpace = false;

  constructor(options: ThinkTagSplitterOptions = {}) {
    this.fallback = options.startsThinking ? 'scan-think' : 'answer';
  }

  /** True while inside a thought opened by `<think>` (or implied by `startsThinking`) and not yet closed. */
  get isThinking(): boolean {
    return this.phase === 'scan-think';
  }

  push(text: string): TextSegment[] {
    this.buffer += text;
    const out: TextSegment[] = [];
    while (this.buffer !== '' && this.step(out)) {}
    return out;
  }

  /** End of stream: whatever was held back turned out to be text. */
  flush(): TextSegment[] {
    const out: TextSegment[] = [];
    // In a lead phase the buffer is the start of a region, so its leading whitespace goes as usual.
    const wasLead = this.isLead();
    const rest = wasLead ? this.buffer.trimStart() : this.buffer;
    if (rest !== '') {
      if (wasLead) this.leaveLead();
      this.emit(rest, out);
    }
    this.buffer = '';
    this.pendingSpace = '';
    return out;
  }

  /** Consumes what it can from the buffer; false when the rest must wait for more input. */
  private step(out: TextSegment[]): boolean {
    const tags = TAGS[this.phase];
    if (this.isLead()) return this.stepLead(tags);

    const hit = findFirstTag(this.buffer, Object.keys(tags));
    if (hit) {
      this.emit(this.buffer.slice(0, hit.index), out);
      this.pendingSpace = '';
      this.enter(tags[hit.tag] ?? 'answer', hit.index + hit.tag.length);
      return true;
    }
    const keep = partialTagLength(this.buffer, Object.keys(tags));
    this.emit(this.buffer.slice(0, this.buffer.length - keep), out);
    this.buffer = this.buffer.slice(this.buffer.length - keep);
    return false;
  }

  private stepLead(tags: Readonly<Record<string, Phase>>): boolean {
    const body = this.buffer.trimStart();
    if (body === '') return false;
    for (const [tag, next] of Object.entries(tags)) {
      if (body.startsWith(tag)) {
        this.enter(next, this.buffer.length - body.length + tag.length);
        return true;
      }
      if (tag.startsWith(body)) return false;
    }
    // Leading whitespace of a region is dropped, like whitespace after a tag.
    this.buffer = body;
    this.leaveLead();
    return true;
  }

  private isLead(): boolean {
    return this.phase === 'lead-start' || this.phase === 'lead-answer';
  }

  private leaveLead(): void {
    this.phase = this.phase === 'lead-start' ? this.fallback : 'answer';
  }

  private enter(phase: Phase, consumed: number): void {
    this.phase = phase;
    this.buffer = this.buffer.slice(consumed);
    // A lead phase drops leading whitespace itself (stepLead); the others do it in emit.
    this.skipSpace = phase !== 'lead-start' && phase !== 'lead-answer';
  }

  private emit(raw: string, out: TextSegment[]): void {
    let text = raw;
    if (this.skipSpace) {
      text = text.trimStart();
      if (text === '') return;
      this.skipSpace = false;
    }
    const kind: TextKind = this.phase === 'scan-think' ? 'reasoning' : 'content';
    // Only a phase that can still meet a closing tag needs to hold trailing whitespace back.
    const held = this.phase === 'answer' ? '' : (text.match(/\s+$/)?.[0] ?? '');
    const body = text.slice(0, text.length - held.length);
    if (body === '') {
      this.pendingSpace += held;
      return;
    }
    pushSegment(out, kind, this.pendingSpace + body);
    this.pendingSpace = held;
  }
}

function pushSegment(out: TextSegment[], kind: TextKind, text: string): void {
  const last = out.at(-1);
  if (last?.kind === kind) last.text += text;
  else out.push({ kind, text });
}

function findFirstTag(text: string, tags: readonly string[]): { index: number; tag: string } | undefined {
  let best: { index: number; tag: string } | undefined;
  for (const tag of tags) {
    const index = text.indexOf(tag);
    if (index !== -1 && (best === undefined || index < best.index)) best = { index, tag };
  }
  return best;
}

/** Length of the longest tail of `text` that is a proper prefix of one of `tags`. */
export function partialTagLength(text: string, tags: readonly string[]): number {
  const longest = Math.max(0, ...tags.map((tag) => tag.length - 1));
  for (let start = Math.max(0, text.length - longest); start < text.length; start++) {
    if (text[start] !== '<') continue;
    const tail = text.slice(start);
    if (tags.some((tag) => tag.length > tail.length && tag.startsWith(tail))) return tail.length;
  }
  return 0;
}
