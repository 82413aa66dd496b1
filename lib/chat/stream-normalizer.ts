// Turns an engine's chat-completion chunks into the app's `ChatEvent`s, separating the thinking trace from the
// answer whatever shape the thinking arrives in. Pure and incremental: feed chunks as they arrive, emit what
// they return, call `end()` once. Owns no I/O; the caller parses SSE and writes the events out.
//
// Reasoning formats (a profile says which one its engine emits):
// - 'parsed'     the engine runs a reasoning parser: `delta.reasoning` / `delta.reasoning_content` is the trace
//                and content is the answer. A `<think>…</think>` block at the very start of content (a template
//                the parser missed) is still moved to the trace rather than dropped, so nothing is lost and no
//                tag reaches the answer; tags later in the answer are left alone.
// - 'think-tags' no parser; content may open with `<think>…</think>` (leading whitespace allowed). Content
//                that does not open with it is the answer.
// - 'ernie-raw'  no parser on ERNIE thinking models: content is the trace until `</think>`, then the answer,
//                optionally wrapped in `<response>…</response>`.
// - 'auto'       (default) fields when present, a leading `<think>` means tags, anything else is the answer.
// 'parsed', 'think-tags' and 'auto' handle content the same way, because checking for a leading `<think>` is
// safe and cheap; they stay distinct values so a profile states what it expects. Reasoning fields are honoured
// in every format: they are unambiguous. Only 'ernie-raw' changes what untagged content means.

import type { ChatEvent, DoneEvent, UsageEvent } from './events';
import { type ChunkUsage, readChunk } from './openai-chunk';
import { type TextSegment, ThinkTagSplitter } from './think-tag-splitter';

export const REASONING_FORMATS = ['auto', 'parsed', 'think-tags', 'ernie-raw'] as const;
export type ReasoningFormat = (typeof REASONING_FORMATS)[number];

export interface StreamNormalizerOptions {
  reasoningFormat?: ReasoningFormat;
  /** Clock in ms for `done` timing; inject a fake in tests. */
  now?: () => number;
  /** When the request was sent (same clock as `now`); defaults to construction time. */
  startedAt?: number;
}

export interface NormalizerState {
  /** The engine's last finish_reason, e.g. 'length' when max_tokens cut the reply. */
  finishReason: string | null;
  /** The model is mid-thought as far as the stream shows: an open `<think>`, or a trace with no answer after. */
  isThinking: boolean;
  /** After `end()`: the stream stopped mid-thought, so the UI shows a note instead of an empty answer. */
  endedWhileThinking: boolean;
  hasReasoning: boolean;
  hasContent: boolean;
  /** An error chunk arrived; later chunks are ignored. */
  errored: boolean;
  ended: boolean;
  /** Clock time of the first chunk carrying reasoning or content text, or null. */
  firstTokenAt: number | null;
  usage: ChunkUsage | null;
}

/** The data line of vLLM's last SSE message. */
export const DONE_SENTINEL = '[DONE]';

export class StreamNormalizer {
  private readonly now: () => number;
  private readonly startedAt: number;
  private readonly splitter: ThinkTagSplitter;
  private finishReason: string | null = null;
  private fieldThinking = false;
  private hasReasoning = false;
  private hasContent = false;
  private errored = false;
  private ended = false;
  private endedWhileThinking = false;
  private firstTokenAt: number | null = null;
  private usage: ChunkUsage | null = null;
  private usageSent = false;

  constructor(options: StreamNormalizerOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.startedAt = options.startedAt ?? this.now();
    this.splitter = new ThinkTagSplitter({ startsThinking: options.reasoningFormat === 'ernie-raw' });
  }

  get state(): Readonly<NormalizerState> {
    return {
      finishReason: this.finishReason,
      isThinking: this.isThinking(),
      endedWhileThinking: this.endedWhileThinking,
      hasReasoning: this.hasReasoning,
      hasContent: this.hasContent,
      errored: this.errored,
      ended: this.ended,
      firstTokenAt: this.firstTokenAt,
      usage: this.usage,
    };
  }

  /** One SSE `data:` payload as text: `[DONE]` ends the stream, anything else must be a JSON chunk. */
  pushData(data: string): ChatEvent[] {
    if (data.trim() === DONE_SENTINEL) return this.end();
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      return this.fail(
        'invalid_chunk',
        `The engine sent a stream chunk that is not JSON: ${data.slice(0, 120)}`,
      );
    }
    return this.push(chunk);
  }

  /** One already-parsed chunk. Returns the events it completes (often none while a tag is held back). */
  push(chunk: unknown): ChatEvent[] {
    if (this.ended || this.errored) return [];
    const parts = readChunk(chunk);
    if (parts.error) return this.fail(parts.error.code, parts.error.message);

    const events: ChatEvent[] = [];
    if (parts.usage) {
      this.usage = parts.usage;
      // With continuous_usage_stats every chunk has usage; only the closing usage-only chunk is reported.
      if (parts.isUsageOnly) events.push(this.usageEvent(parts.usage));
    }
    if ((parts.reasoning || parts.content) && this.firstTokenAt === null) this.firstTokenAt = this.now();
    if (parts.reasoning) {
      this.fieldThinking = true;
      this.emitText([{ kind: 'reasoning', text: parts.reasoning }], events);
    }
    if (parts.content) {
      // Any content, even whitespace the splitter drops, means a parser has moved past the trace.
      this.fieldThinking = false;
      this.emitText(this.splitter.push(parts.content), events);
    }
    if (parts.finishReason) this.finishReason = parts.finishReason;
    return events;
  }

  /** End of stream (`[DONE]`, or the connection closed): flushes held-back text, then usage and `done`. */
  end(): ChatEvent[] {
    if (this.ended) return [];
    const events: ChatEvent[] = [];
    if (!this.errored) this.emitText(this.splitter.flush(), events);
    this.endedWhileThinking = !this.errored && this.isThinking();
    this.ended = true;
    if (this.usage && !this.usageSent) events.push(this.usageEvent(this.usage));
    events.push(this.doneEvent());
    return events;
  }

  private isThinking(): boolean {
    return this.splitter.isThinking || this.fieldThinking;
  }

  private emitText(segments: readonly TextSegment[], events: ChatEvent[]): void {
    for (const { kind, text } of segments) {
      if (text === '') continue;
      if (kind === 'reasoning') this.hasReasoning = true;
      else {
        this.hasContent = true;
        this.fieldThinking = false;
      }
      const last = events.at(-1);
      if (last?.type === kind) last.text += text;
      else events.push({ type: kind, text });
    }
  }

  /** Errors are terminal: text already received is flushed first, then nothing but `end()` is accepted. */
  private fail(code: string, message: string): ChatEvent[] {
    const events: ChatEvent[] = [];
    this.emitText(this.splitter.flush(), events);
    this.errored = true;
    events.push({ type: 'error', code, message });
    return events;
  }

  private usageEvent(usage: ChunkUsage): UsageEvent {
    this.usageSent = true;
    const event: UsageEvent = { type: 'usage', ...usage };
    if (usage.reasoning !== undefined) event.reasoningTokens = usage.reasoning;
    return event;
  }

  private doneEvent(): DoneEvent {
    const end = this.now();
    return {
      type: 'done',
      finishReason: this.finishReason,
      ttftMs: this.firstTokenAt === null ? null : Math.max(0, this.firstTokenAt - this.startedAt),
      durationMs: Math.max(0, end - this.startedAt),
    };
  }
}
