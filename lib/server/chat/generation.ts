import 'server-only';
// One reply being generated. Its events are kept (bounded) while it runs and for a while after, so a
// browser whose tunnel blinked can reattach with the last index it saw and continue with no gap and no
// duplicate. Text events produced in the same tick are merged before they get an index: at full engine
// speed that turns thousands of tiny events into a few dozen writes.
import type { ChatEvent } from '@/lib/chat/events';

export type GenerationListener = (events: readonly ChatEvent[], firstIndex: number) => void;

export interface GenerationLimits {
  /** Text characters kept for reattaching; older events are dropped beyond it. */
  maxBufferedChars: number;
  /** Abort a generation nobody has been attached to for this long. */
  abandonAfterMs: number;
  /** Keep a finished generation for reattaching this long. */
  keepFinishedMs: number;
}

export class Generation {
  readonly abort = new AbortController();
  /** Index of events[0]; earlier ones were dropped to bound memory. */
  private offset = 0;
  private readonly events: ChatEvent[] = [];
  private bufferedChars = 0;
  private pending: ChatEvent[] = [];
  private flushScheduled = false;
  private readonly listeners = new Set<GenerationListener>();
  private abandonTimer: NodeJS.Timeout | null = null;
  private finishedAt: number | null = null;

  constructor(
    readonly id: string,
    readonly model: string,
    private readonly limits: GenerationLimits,
    private readonly onExpire: (id: string) => void,
  ) {
    this.armAbandonTimer();
  }

  get finished(): boolean {
    return this.finishedAt !== null;
  }

  /** Index the next stored event will get. */
  get nextIndex(): number {
    return this.offset + this.events.length + this.pending.length;
  }

  push(event: ChatEvent): void {
    if (this.finishedAt !== null) return;
    const last = this.pending.at(-1);
    if ((event.type === 'reasoning' || event.type === 'content') && last?.type === event.type) {
      last.text += event.text;
    } else {
      this.pending.push(event.type === 'reasoning' || event.type === 'content' ? { ...event } : event);
    }
    if (event.type === 'done') {
      this.flush();
      this.finish();
      return;
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Whether the events after index `after` are still kept. */
  canAttach(after: number): boolean {
    return after + 1 >= this.offset;
  }

  /**
   * Calls `listener` with every stored event after index `after`, then with new ones as they come.
   * Returns null when those events are no longer kept.
   */
  attach(after: number, listener: GenerationListener): (() => void) | null {
    this.flush();
    const from = after + 1;
    if (from < this.offset) return null;
    const backlog = this.events.slice(Math.max(0, from - this.offset));
    this.listeners.add(listener);
    this.clearAbandonTimer();
    if (backlog.length > 0) listener(backlog, Math.max(from, this.offset));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.armAbandonTimer();
    };
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const firstIndex = this.offset + this.events.length;
    for (const event of batch) {
      this.events.push(event);
      if (event.type === 'reasoning' || event.type === 'content') this.bufferedChars += event.text.length;
    }
    this.trim();
    for (const listener of this.listeners) listener(batch, firstIndex);
  }

  /** Drops the oldest events beyond the bound; a late reattach to them gets a clear "gone" answer. */
  private trim(): void {
    while (this.bufferedChars > this.limits.maxBufferedChars && this.events.length > 1) {
      const dropped = this.events.shift();
      this.offset += 1;
      if (dropped && (dropped.type === 'reasoning' || dropped.type === 'content')) {
        this.bufferedChars -= dropped.text.length;
      }
    }
  }

  private finish(): void {
    this.finishedAt = Date.now();
    this.clearAbandonTimer();
    setTimeout(() => this.onExpire(this.id), this.limits.keepFinishedMs).unref();
  }

  private armAbandonTimer(): void {
    if (this.finishedAt !== null || this.abandonTimer) return;
    // Nobody is reading: after the grace period the GPU stops working for no one.
    this.abandonTimer = setTimeout(() => this.abort.abort('abandoned'), this.limits.abandonAfterMs);
    this.abandonTimer.unref();
  }

  private clearAbandonTimer(): void {
    if (this.abandonTimer) clearTimeout(this.abandonTimer);
    this.abandonTimer = null;
  }
}
