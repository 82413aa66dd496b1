import { describe, expect, it } from 'vitest';
import type { EngineStatus, Stage } from '@/lib/engine/types';
import { EMPTY_TIMELINE, foldStage, type StageTimeline, stageElapsed } from './engine-stages';

type Part = Pick<EngineStatus, 'state' | 'launchId' | 'stage' | 'readyAt'>;
const at = (
  state: EngineStatus['state'],
  stage: Stage | null,
  launchId = 'L1',
  readyAt: number | null = null,
): Part => ({
  state,
  launchId,
  stage,
  readyAt,
});

const fold = (statuses: Part[], now = 10_000) =>
  statuses.reduce<StageTimeline>((t, s) => foldStage(t, s, now), EMPTY_TIMELINE);

describe('stage timeline', () => {
  it('records each stage with its start and closes it when the next begins', () => {
    const timeline = fold([
      at('starting', { name: 'launching', since: 1000 }),
      at('starting', { name: 'loading weights', since: 1500, progress: 0.25, detail: 'shard 2/8' }),
      at('starting', { name: 'loading weights', since: 1500, progress: 0.5, detail: 'shard 4/8' }),
      at('starting', { name: 'capturing CUDA graphs', since: 4000 }),
      at('ready', { name: 'ready', since: 5000 }, 'L1', 5000),
    ]);
    expect(timeline.entries.map((e) => [e.name, e.since, e.until])).toEqual([
      ['launching', 1000, 1500],
      ['loading weights', 1500, 4000],
      ['capturing CUDA graphs', 4000, 5000],
      ['ready', 5000, 5000],
    ]);
    expect(timeline.entries[1]?.detail).toBe('shard 4/8');
    expect(timeline.entries[1] && stageElapsed(timeline.entries[1], 99_999)).toBe(2500);
  });

  it('keeps the running stage open and measures it against now', () => {
    const timeline = fold([at('starting', { name: 'compiling', since: 2000 })]);
    expect(timeline.entries[0]?.until).toBeNull();
    const [entry] = timeline.entries;
    if (!entry) throw new Error('no stage');
    expect(stageElapsed(entry, 7000)).toBe(5000);
    expect(stageElapsed({ ...entry, since: 9000 }, 7000)).toBe(0);
  });

  it('closes the running stage when the launch fails, and starts over on a new launch', () => {
    const failed = fold([
      at('starting', { name: 'allocating KV cache', since: 3000 }),
      at('crashed', { name: 'allocating KV cache', since: 3000 }),
    ]);
    expect(failed.entries[0]?.until).toBe(10_000);
    const next = foldStage(failed, at('starting', { name: 'launching', since: 20_000 }, 'L2'), 20_000);
    expect(next.launchId).toBe('L2');
    expect(next.entries.map((e) => e.name)).toEqual(['launching']);
  });

  it('knows no stages of a launch first seen after it ended', () => {
    const late = fold([at('crashed', { name: 'allocating KV cache', since: 3000 })]);
    expect(late).toEqual({ launchId: 'L1', entries: [] });
  });

  it('returns the same timeline when nothing changed', () => {
    const t = fold([at('starting', { name: 'launching', since: 1000 })]);
    expect(foldStage(t, at('starting', { name: 'launching', since: 1000 }), 5000)).toBe(t);
  });
});
