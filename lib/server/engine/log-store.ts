import 'server-only';
// The engine's log: stdout and stderr merged line by line into a bounded ring (memory stays flat under a
// flood), and each launch's whole log appended to a file in the data dir. Subscribers are told which line
// changed; they read the lines from the ring themselves, so a slow client costs no memory here.
import fs from 'node:fs';
import path from 'node:path';
import { LineAssembler, type LineEvent, opensNewLine } from '@/lib/engine/log-lines';
import { LogRing } from '@/lib/engine/log-ring';
import { createMasker } from '@/lib/engine/mask-secrets';
import type { LogLine, LogStream } from '@/lib/engine/types';
import { probeLedger } from './probe-ledger';

export interface LogStoreOptions {
  dataDir: string;
  maxLines: number;
  maxBytes: number;
  onLine(line: LogLine, isNew: boolean): void;
}

type Listener = (line: LogLine, isNew: boolean) => void;
type ChildStream = 'stdout' | 'stderr';

export class LogStore {
  readonly ring: LogRing;
  lastWriteAt = Date.now();
  private readonly assemblers: Record<ChildStream, LineAssembler>;
  /** Seq of each stream's most recent line: `update` and `close` events rewrite it. */
  private readonly current: Record<ChildStream, number | null> = { stdout: null, stderr: null };
  private readonly listeners = new Set<Listener>();
  private startSeq = 1;
  private launchId: string | null = null;
  private file: fs.WriteStream | null = null;
  /** Text of a line still being redrawn (no newline yet): it goes to disk once it is finished. */
  private readonly unwritten: Record<ChildStream, string | null> = { stdout: null, stderr: null };
  private diskBuffer = '';
  private diskFlushScheduled = false;
  private mask: (text: string) => string = (text) => text;

  constructor(private readonly opts: LogStoreOptions) {
    this.ring = new LogRing({ maxLines: opts.maxLines, maxBytes: opts.maxBytes });
    this.assemblers = { stdout: new LineAssembler(), stderr: new LineAssembler() };
  }

  get lastSeq(): number {
    return this.ring.lastSeq;
  }

  /** Seq of the first line of the current (or last) launch. */
  get launchStartSeq(): number {
    return this.startSeq;
  }

  get currentLaunchId(): string | null {
    return this.launchId;
  }

  logFile(launchId: string): string {
    return path.join(/*turbopackIgnore: true*/ this.opts.dataDir, 'logs', `${launchId}.log`);
  }

  /** Secrets never stored: every line is masked before it reaches the ring or the disk. */
  setSecrets(secrets: readonly (string | null | undefined)[]): void {
    this.mask = createMasker(secrets);
  }

  async beginLaunch(launchId: string): Promise<void> {
    this.endLaunch();
    this.launchId = launchId;
    this.startSeq = this.ring.lastSeq + 1;
    await fs.promises.mkdir(path.join(/*turbopackIgnore: true*/ this.opts.dataDir, 'logs'), {
      recursive: true,
    });
    this.file = fs.createWriteStream(this.logFile(launchId), { flags: 'a', mode: 0o600 });
    this.file.on('error', () => {
      this.file = null;
    });
  }

  /** Lines of the current (or last) launch still in memory. */
  launchLines(): LogLine[] {
    return this.ring.since(this.startSeq - 1);
  }

  write(stream: ChildStream, chunk: Buffer): void {
    this.lastWriteAt = Date.now();
    this.apply(stream, this.assemblers[stream].push(chunk));
  }

  /** A line from the app itself (launch, stop, clean-up), shown in the same log. */
  system(text: string): LogLine {
    const line = this.ring.append('system', this.mask(text));
    this.toDisk(`[vlm-console] ${line.text}`);
    this.notify(line, true);
    return line;
  }

  /** Emits half-written lines (the process ended without a final newline). */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) this.apply(stream, this.assemblers[stream].end());
  }

  endLaunch(): void {
    this.flush();
    for (const stream of ['stdout', 'stderr'] as const) {
      const text = this.unwritten[stream];
      if (text !== null) this.toDisk(text);
      this.unwritten[stream] = null;
      this.current[stream] = null;
    }
    this.flushDisk();
    this.file?.end();
    this.file = null;
  }

  /** The launch's full log as written so far, plus the lines not yet on disk. */
  async readLaunchLog(launchId: string): Promise<string | null> {
    this.flushDisk();
    const file = this.file;
    // Writes are ordered: once an empty write has completed, everything before it is on disk.
    if (file && launchId === this.launchId) await new Promise<void>((r) => file.write('', () => r()));
    let text: string;
    try {
      text = await fs.promises.readFile(this.logFile(launchId), 'utf8');
    } catch {
      return null;
    }
    if (launchId !== this.launchId) return text;
    const pending = [this.unwritten.stdout, this.unwritten.stderr].filter((t) => t !== null);
    return pending.length > 0 ? `${text}${pending.join('\n')}\n` : text;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private apply(stream: ChildStream, raw: LineEvent[]): void {
    for (const unmasked of raw) {
      const event = { ...unmasked, text: this.mask(unmasked.text) };
      const seq = this.current[stream];
      // A redraw of a line already evicted from the ring (a flood pushed it out) starts a new line.
      const updated = !opensNewLine(event) && seq !== null ? this.ring.update(seq, event.text) : undefined;
      const isNew = !updated;
      const line = updated ?? this.ring.append(stream, event.text, Date.now(), probeLedger.claim(event.text));
      this.current[stream] = line.seq;
      this.recordOnDisk(stream, event);
      this.opts.onLine(line, isNew);
      this.notify(line, isNew);
    }
  }

  /**
   * On disk a bar drawn with `\r` and no newline is one line with its final text; every finished line —
   * including each step of vLLM's `\r<bar>\n` shard bar — is written at once, so the file keeps the
   * order in which lines arrived.
   */
  private recordOnDisk(stream: ChildStream, event: LineEvent): void {
    if (event.kind === 'open' || (event.kind === 'update' && this.unwritten[stream] !== null)) {
      this.unwritten[stream] = event.text;
      return;
    }
    this.unwritten[stream] = null;
    this.toDisk(event.text);
  }

  private notify(line: LogLine, isNew: boolean): void {
    for (const listener of this.listeners) listener(line, isNew);
  }

  private toDisk(text: string): void {
    if (!this.file) return;
    this.diskBuffer += `${text}\n`;
    if (this.diskBuffer.length > 1 << 20) this.flushDisk();
    else if (!this.diskFlushScheduled) {
      this.diskFlushScheduled = true;
      setImmediate(() => this.flushDisk());
    }
  }

  private flushDisk(): void {
    this.diskFlushScheduled = false;
    if (!this.file || this.diskBuffer === '') return;
    this.file.write(this.diskBuffer);
    this.diskBuffer = '';
  }
}

export type { LogStream };
