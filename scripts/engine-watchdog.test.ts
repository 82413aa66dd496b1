// The watchdog against stand-in engines that do what real ones do with processes and signals: a worker that
// leaves the group and titles itself (losing the launch marker), an engine that exits hard on a second
// SIGTERM, one that only SIGKILL ends. Real processes, no mocks.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive } from '@/lib/node/process-scan.mjs';
import { waitFor } from '../tests/helpers/net';
import { killAll } from '../tests/helpers/processes';

const WATCHDOG = path.join(__dirname, 'engine-watchdog.mjs');
const STAND_IN = path.join(__dirname, '..', 'tests', 'fixtures', 'stand-in-engine', 'engine.py');

interface Event {
  event: string;
  pid?: number;
  code?: number | null;
  signal?: string | null;
}

interface Watched {
  proc: ChildProcess;
  launchId: string;
  events: Event[];
  output: () => string;
  closed: Promise<void>;
}

const started: Watched[] = [];
const strays: number[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchdog-test-'));

afterEach(async () => {
  for (const w of started.splice(0)) {
    w.proc.stdin?.end();
    await w.closed;
  }
  killAll(strays.splice(0));
});

function watch(args: string[], graceMs = 3000): Watched {
  const launchId = randomUUID();
  const proc = spawn(
    process.execPath,
    [WATCHDOG, '--grace-ms', String(graceMs), '--launch-id', launchId, '--', 'python3', STAND_IN, ...args],
    { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] },
  );
  const events: Event[] = [];
  let pending = '';
  (proc.stdio[3] as Readable).on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) events.push(JSON.parse(line) as Event);
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const closed = new Promise<void>((resolve) => proc.once('close', () => resolve()));
  const watched = { proc, launchId, events, output: () => out, closed };
  started.push(watched);
  return watched;
}

const ready = (w: Watched) =>
  waitFor(() => w.output().includes('stand-in engine ready'), 10_000, 'the stand-in');

async function stop(w: Watched): Promise<Event[]> {
  w.proc.stdin?.write('stop\n');
  await w.closed;
  return w.events;
}

async function workerOf(pidFile: string): Promise<number> {
  const pid = await waitFor(() => fs.existsSync(pidFile) && Number(fs.readFileSync(pidFile, 'utf8')), 10_000);
  strays.push(pid);
  return pid;
}

const environOf = (pid: number) => fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
const pgrpOf = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
};

describe('no worker left behind', () => {
  it('gives the engine SPT_NOENV=1, so a worker titled by setproctitle keeps the launch marker', async () => {
    const pidFile = path.join(dir, `${randomUUID()}.pid`);
    const w = watch(['--worker', pidFile, '--clobber', 'setproctitle']);
    const worker = await workerOf(pidFile);
    expect(fs.readFileSync(`/proc/${worker}/comm`, 'utf8').trim()).toBe('VLLM::EngineCor');
    expect(environOf(worker)).toContain('SPT_NOENV=1');
    expect(environOf(worker)).toContain(`VLM_CONSOLE_LAUNCH_ID=${w.launchId}`);
    await stop(w);
    expect(isAlive(worker)).toBe(false);
  });

  it('kills a worker that left the process group and lost its marker, found through its parent', async () => {
    const pidFile = path.join(dir, `${randomUUID()}.pid`);
    const w = watch(['--worker', pidFile, '--clobber', 'always']);
    const worker = await workerOf(pidFile);
    await ready(w);
    const engine = w.events.find((e) => e.event === 'spawned')?.pid;
    // The stand-in really did what vLLM's titled workers do: another group, no marker.
    expect(pgrpOf(worker)).not.toBe(engine);
    expect(environOf(worker)).not.toContain('VLM_CONSOLE_LAUNCH_ID');
    const events = await stop(w);
    expect(isAlive(worker)).toBe(false);
    expect(events.find((e) => e.event === 'cleaned')).toMatchObject({ left: 0 });
  });
});

describe('stopping', () => {
  it('signals the engine once: it shuts down cleanly and its real exit (code 0) is reported', async () => {
    const counter = path.join(dir, `${randomUUID()}.count`);
    const w = watch(['--count-signals', counter, '--exit-after', '0.3']);
    await ready(w);
    const events = await stop(w);
    expect(fs.readFileSync(counter, 'utf8')).toBe('1');
    expect(w.output()).not.toContain('second interrupt');
    expect(events.find((e) => e.event === 'exit')).toMatchObject({ code: 0, signal: null });
  });

  it('reports the exit before `cleaned` even when the engine needs SIGKILL', async () => {
    const w = watch(['--ignore-sigterm'], 300);
    await ready(w);
    const names = (await stop(w)).map((e) => e.event);
    expect(names.slice(-2)).toEqual(['exit', 'cleaned']);
    expect(w.events.find((e) => e.event === 'exit')).toMatchObject({ code: null, signal: 'SIGKILL' });
  });
});
