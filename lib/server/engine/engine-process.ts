import 'server-only';
// One supervised child: the watchdog script, which starts the real command in its own process group and
// tears it down when asked or when this process dies. This module knows the watchdog's protocol; the
// supervisor only sees output chunks, a pid, an exit and a "cleaned" confirmation. The watchdog runs in a
// process group of its own (`detached`): a stop signal sent to the app's group must not cut its teardown short.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { findLaunchProcesses, type LaunchQuery, signalLaunch } from '@/lib/node/process-scan.mjs';

export interface EngineProcessHandlers {
  onOutput(stream: 'stdout' | 'stderr', chunk: Buffer): void;
  onSpawned(pid: number): void;
  onSpawnError(message: string): void;
  onExit(code: number | null, signal: string | null): void;
}

export interface SpawnRequest {
  launchId: string;
  executable: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  graceMs: number;
}

export class EngineProcess {
  readonly launchId: string;
  private readonly watchdog: ChildProcess;
  private enginePid: number | null = null;
  /** Descendants the watchdog found by parent pid (pid → start time): workers that left the group. */
  private readonly tracked = new Map<number, number>();
  private exited = false;
  private readonly closed: Promise<void>;
  private readonly outputEnded: Promise<void>;

  constructor(req: SpawnRequest, handlers: EngineProcessHandlers) {
    this.launchId = req.launchId;
    const script = path.join(/*turbopackIgnore: true*/ req.cwd, 'scripts', 'engine-watchdog.mjs');
    const argv = [script, '--grace-ms', String(req.graceMs), '--launch-id', req.launchId, '--'];
    // An argument array, never a shell string: nothing in it is interpreted.
    this.watchdog = spawn(process.execPath, [...argv, req.executable, ...req.args], {
      cwd: req.cwd,
      env: req.env,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    this.watchdog.stdout?.on('data', (c: Buffer) => handlers.onOutput('stdout', c));
    this.watchdog.stderr?.on('data', (c: Buffer) => handlers.onOutput('stderr', c));
    this.outputEnded = Promise.all(
      [this.watchdog.stdout, this.watchdog.stderr].map(
        (stream) =>
          new Promise<void>((resolve) => (stream ? stream.once('close', () => resolve()) : resolve())),
      ),
    ).then(() => undefined);
    this.watchdog.stdin?.on('error', () => undefined);
    this.readEvents(this.watchdog.stdio[3] as Readable | null, handlers);
    this.closed = new Promise((resolve) => {
      this.watchdog.on('close', () => resolve());
      this.watchdog.on('error', (error) => {
        handlers.onSpawnError(error.message);
        resolve();
      });
    });
    // A watchdog that ends without reporting the engine's exit (it was killed) leaves the engine
    // unsupervised. `close` (not `exit`) fires after the event pipe is drained, so a reported exit is never
    // mistaken for this. SIGKILL is the exit only when this is what ended the engine; otherwise it is unknown.
    this.watchdog.on('close', () => {
      if (!this.exited) {
        this.exited = true;
        const killed = this.killNow();
        handlers.onExit(null, killed > 0 ? 'SIGKILL' : null);
      }
    });
  }

  get pid(): number | null {
    return this.enginePid;
  }

  get watchdogPid(): number | null {
    return this.watchdog.pid ?? null;
  }

  /** Asks the watchdog for SIGTERM, grace, SIGKILL; resolves when it is done or the deadline passes. */
  async stop(deadlineMs: number): Promise<void> {
    if (this.watchdog.exitCode === null && this.watchdog.signalCode === null) {
      this.watchdog.stdin?.write('stop\n');
    }
    await Promise.race([this.closed, new Promise((r) => setTimeout(r, deadlineMs))]);
    if (this.livingProcesses().length > 0) this.killNow();
  }

  /** Processes of this launch still alive: the engine's group and anything carrying its marker. */
  livingProcesses(): number[] {
    return findLaunchProcesses(this.query());
  }

  /** Returns how many processes it killed. */
  private killNow(): number {
    return signalLaunch(this.query(), 'SIGKILL');
  }

  private query(): LaunchQuery {
    return { pgid: this.enginePid, launchId: this.launchId, exclude: this.ownPids(), tracked: this.tracked };
  }

  private ownPids(): number[] {
    return this.watchdog.pid ? [this.watchdog.pid] : [];
  }

  private readEvents(channel: Readable | null, handlers: EngineProcessHandlers): void {
    if (!channel) return;
    let pending = '';
    channel.setEncoding('utf8');
    channel.on('data', (text: string) => {
      pending += text;
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        this.handleEvent(pending.slice(0, nl), handlers);
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
      }
    });
    channel.on('error', () => undefined);
  }

  private handleEvent(line: string, handlers: EngineProcessHandlers): void {
    let event: {
      event?: string;
      pid?: number;
      code?: number | null;
      signal?: string | null;
      message?: string;
      processes?: { pid?: unknown; start?: unknown }[];
    };
    try {
      event = JSON.parse(line);
    } catch {
      return;
    }
    if (event.event === 'spawned' && typeof event.pid === 'number') {
      this.enginePid = event.pid;
      handlers.onSpawned(event.pid);
    } else if (event.event === 'tracked' && Array.isArray(event.processes)) {
      for (const p of event.processes) {
        if (typeof p.pid === 'number' && typeof p.start === 'number') this.tracked.set(p.pid, p.start);
      }
    } else if (event.event === 'spawn-error') {
      this.exited = true;
      handlers.onSpawnError(event.message ?? 'could not start the engine');
    } else if (event.event === 'exit' && !this.exited) {
      this.exited = true;
      // The exit arrives on its own pipe and can overtake the last lines the engine wrote (its error).
      // Wait for the output pipes to drain, but not long: workers left behind may hold them open.
      const drained = Promise.race([this.outputEnded, new Promise((r) => setTimeout(r, 300))]);
      void drained.then(() => handlers.onExit(event.code ?? null, event.signal ?? null));
    }
  }
}
