// From the supervisor's status events to history records: one record per launch, with the right outcome.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '@/lib/engine/types';
import { foldStatus, installHistoryRecorder } from './history-recorder';
import { type LaunchRecord, readLaunches } from './launch-history';
import { IDLE_STATUS } from './status-store';

const base: EngineStatus = IDLE_STATUS;

const launch = (id: string): EngineStatus => ({
  ...base,
  state: 'starting',
  launchId: id,
  profile: 'demo',
  options: { port: 8000, apiKey: '***' },
  startedAt: 10_000,
  command: ['node', 'engines/demo-engine.mjs', '--port', '8000'],
});

/** Feeds statuses through the fold and returns the records written, with the time of each status. */
function records(statuses: [EngineStatus, number][]): LaunchRecord[] {
  let tracked: ReturnType<typeof foldStatus>['tracked'] = null;
  const out: LaunchRecord[] = [];
  for (const [status, now] of statuses) {
    const fold = foldStatus(tracked, status, now);
    tracked = fold.tracked;
    if (fold.finished) out.push(fold.finished);
  }
  return out;
}

describe('foldStatus', () => {
  it('records a crash once, with exit, error and diagnosis, and not again when it is cleared', () => {
    const start = launch('a');
    const crashed: EngineStatus = {
      ...start,
      state: 'crashed',
      exit: { code: 1, signal: null },
      error: 'torch.OutOfMemoryError: CUDA out of memory.',
      diagnosis: {
        ruleId: 'cuda-oom',
        category: 'cuda_oom',
        phase: 'launch',
        severity: 'error',
        title: 'The GPU ran out of memory',
        explanation: '',
        fix: '',
        line: { index: 3, text: 'x', seq: 3 },
      },
    };
    const out = records([
      [start, 10_000],
      [{ ...start, stage: { name: 'loading weights' } }, 10_500],
      [crashed, 12_000],
      [{ ...crashed, state: 'stopped' }, 13_000],
    ]);
    expect(out).toEqual([
      {
        launchId: 'a',
        profile: 'demo',
        options: { port: 8000, apiKey: '***' },
        command: start.command,
        startedAt: 10_000,
        endedAt: 12_000,
        outcome: 'crashed',
        exit: { code: 1, signal: null },
        error: 'torch.OutOfMemoryError: CUDA out of memory.',
        diagnosis: { ruleId: 'cuda-oom', category: 'cuda_oom', title: 'The GPU ran out of memory' },
      },
    ]);
  });

  it('records a launch that was ready and then stopped as ready, with its time to ready', () => {
    const start = launch('b');
    const [rec] = records([
      [start, 10_000],
      [{ ...start, state: 'ready', readyAt: 14_000 }, 14_000],
      [{ ...start, state: 'stopping', readyAt: 14_000 }, 60_000],
      [{ ...start, state: 'stopped', readyAt: 14_000, exit: { code: null, signal: 'SIGTERM' } }, 61_000],
    ]);
    expect(rec).toMatchObject({ outcome: 'ready', readyAfterMs: 4000, stoppedAt: 61_000, endedAt: 61_000 });
    expect(rec?.error).toBeUndefined();
  });

  it('records who stopped it, and the exit the engine really had', () => {
    const start = launch('s');
    const [byYou] = records([
      [start, 1],
      [{ ...start, state: 'stopping', stoppedBy: 'you' }, 2],
      [{ ...start, state: 'stopped', stoppedBy: 'you', exit: { code: 0, signal: null } }, 3],
    ]);
    expect(byYou).toMatchObject({ outcome: 'stopped', endedBy: 'you', exit: { code: 0, signal: null } });
    const [byApp] = records([
      [launch('t'), 1],
      [{ ...launch('t'), state: 'stopping', stoppedBy: 'app-exit' }, 2],
      [{ ...launch('t'), state: 'stopped', stoppedBy: 'app-exit' }, 3],
    ]);
    expect(byApp?.endedBy).toBe('app-exit');
  });

  it('saves a launch as running when it starts and again when it is ready, before it ends', () => {
    const start = launch('r');
    const first = foldStatus(null, start, 10_000);
    expect(first.progress).toMatchObject({ launchId: 'r', outcome: 'running', startedAt: 10_000 });
    const ready = foldStatus(first.tracked, { ...start, state: 'ready', readyAt: 12_000 }, 12_000);
    expect(ready.progress).toMatchObject({ launchId: 'r', outcome: 'running', readyAfterMs: 2000 });
    expect(ready.finished).toBeNull();
  });

  it('records a launch stopped while starting as stopped, and a failed one as failed', () => {
    const out = records([
      [launch('c'), 1],
      [{ ...launch('c'), state: 'stopping' }, 2],
      [{ ...launch('c'), state: 'stopped' }, 3],
      [launch('d'), 4],
      [{ ...launch('d'), state: 'failed', error: 'Port 8000 is already in use' }, 5],
    ]);
    expect(out.map((r) => [r.launchId, r.outcome, r.readyAfterMs])).toEqual([
      ['c', 'stopped', undefined],
      ['d', 'failed', undefined],
    ]);
  });

  it('ignores an engine left by an earlier run of the app', () => {
    const orphan: EngineStatus = { ...base, state: 'orphaned', launchId: 'old', profile: 'demo', pid: 99 };
    expect(
      records([
        [orphan, 1],
        [{ ...orphan, state: 'stopping' }, 2],
        [{ ...base, state: 'stopped' }, 3],
      ]),
    ).toEqual([]);
  });
});

describe('installHistoryRecorder', () => {
  it('writes the records of the status events it is given to the data dir', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'history-recorder-'));
    try {
      let emit: (status: EngineStatus) => void = () => {};
      const stop = installHistoryRecorder(
        {
          onStatus: (listener) => {
            emit = listener;
            return () => {};
          },
        },
        dir,
      );
      emit(launch('e'));
      emit({ ...launch('e'), state: 'failed', error: 'boom' });
      stop();
      await expect.poll(async () => (await readLaunches(dir)).map((r) => r.outcome)).toEqual(['failed']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
