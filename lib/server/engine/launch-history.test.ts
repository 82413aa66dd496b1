// The launch history file: newest first, bounded, robust to damage, and the last launch that reached ready.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeUnfinished,
  HISTORY_FILE,
  HISTORY_MAX,
  type LaunchRecord,
  lastReadyOptions,
  readLaunches,
  recentLaunches,
  saveLaunch,
} from './launch-history';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-history-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const record = (n: number, patch: Partial<LaunchRecord> = {}): LaunchRecord => ({
  launchId: `launch-${n}`,
  profile: 'demo',
  options: { maxModelLen: 1000 + n },
  command: ['node', 'engines/demo-engine.mjs'],
  startedAt: n * 1000,
  endedAt: n * 1000 + 500,
  outcome: 'crashed',
  ...patch,
});

describe('launch history', () => {
  it('is empty before the first launch', async () => {
    expect(await recentLaunches(50, dir)).toEqual([]);
    expect(await lastReadyOptions('demo', dir)).toBeNull();
  });

  it('keeps one JSON line per launch and lists the newest first', async () => {
    await saveLaunch(dir, record(1));
    await saveLaunch(dir, record(2, { outcome: 'ready', readyAfterMs: 300, stoppedAt: 2900 }));
    const lines = fs.readFileSync(path.join(dir, HISTORY_FILE), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ launchId: 'launch-1' });
    expect((await recentLaunches(50, dir)).map((r) => r.launchId)).toEqual(['launch-2', 'launch-1']);
    expect((await recentLaunches(1, dir)).map((r) => r.launchId)).toEqual(['launch-2']);
  });

  it(`keeps only the last ${HISTORY_MAX}, even when appends race`, async () => {
    await Promise.all(Array.from({ length: HISTORY_MAX + 5 }, (_, i) => saveLaunch(dir, record(i))));
    const all = await readLaunches(dir);
    expect(all).toHaveLength(HISTORY_MAX);
    expect(all[0]?.launchId).toBe('launch-5');
    expect(all.at(-1)?.launchId).toBe(`launch-${HISTORY_MAX + 4}`);
  });

  it('skips damaged lines instead of losing the whole history', async () => {
    fs.writeFileSync(
      path.join(dir, HISTORY_FILE),
      `${JSON.stringify(record(1))}\n{"launchId": "half a li\nnot json\n${JSON.stringify({ launchId: 'x' })}\n`,
    );
    await saveLaunch(dir, record(2));
    expect((await readLaunches(dir)).map((r) => r.launchId)).toEqual(['launch-1', 'launch-2']);
  });

  it('finds the options of the newest launch of a profile that reached ready', async () => {
    await saveLaunch(dir, record(1, { outcome: 'ready', readyAfterMs: 700 }));
    await saveLaunch(dir, record(2, { outcome: 'crashed', readyAfterMs: 400, profile: 'qwen2.5-vl-7b' }));
    await saveLaunch(dir, record(3, { outcome: 'failed' }));
    expect(await lastReadyOptions('demo', dir)).toEqual({
      launchId: 'launch-1',
      profile: 'demo',
      options: { maxModelLen: 1001 },
      at: 1700,
    });
    // A launch that was ready and crashed later did work with those options.
    expect((await lastReadyOptions('qwen2.5-vl-7b', dir))?.launchId).toBe('launch-2');
    expect((await lastReadyOptions(null, dir))?.launchId).toBe('launch-2');
    expect(await lastReadyOptions('ernie-4.5-vl-thinking', dir)).toBeNull();
  });

  it('replaces the record of a launch saved again (started, ready, ended) instead of adding one', async () => {
    await saveLaunch(dir, record(1, { outcome: 'running' }));
    await saveLaunch(dir, record(2, { outcome: 'running' }));
    await saveLaunch(dir, record(1, { outcome: 'ready', readyAfterMs: 300, endedBy: 'you' }));
    expect((await readLaunches(dir)).map((r) => [r.launchId, r.outcome])).toEqual([
      ['launch-1', 'ready'],
      ['launch-2', 'running'],
    ]);
  });

  it('closes launches an earlier app never finished as ended with the app, at their last log write', async () => {
    await saveLaunch(dir, record(1, { outcome: 'running', readyAfterMs: 200 }));
    await saveLaunch(dir, record(2, { outcome: 'running' }));
    await saveLaunch(dir, record(3, { outcome: 'running' }));
    await saveLaunch(dir, record(4, { outcome: 'crashed' }));
    const lastWrite = async (id: string) => (id === 'launch-1' ? 1900 : null);
    await closeUnfinished(dir, 'launch-3', lastWrite);
    expect((await readLaunches(dir)).map((r) => [r.launchId, r.outcome, r.endedBy, r.endedAt])).toEqual([
      ['launch-1', 'ready', 'app', 1900],
      ['launch-2', 'stopped', 'app', 2000],
      ['launch-3', 'running', undefined, 3500],
      ['launch-4', 'crashed', undefined, 4500],
    ]);
  });
});
