import { describe, expect, it } from 'vitest';
import { describeOutcome, formatAgo, formatClock, formatDuration } from './engine-format';

describe('engine formatting', () => {
  it('formats durations and clocks', () => {
    expect(formatDuration(870)).toBe('0.9 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_960_000)).toBe('1 h 6 min');
    expect(formatClock(42_500)).toBe('0:42');
    expect(formatClock(3_729_000)).toBe('1:02:09');
    expect(formatAgo(0, 5 * 60_000)).toBe('5 min ago');
  });

  it('describes launch outcomes', () => {
    expect(describeOutcome({ outcome: 'ready', readyAfterMs: 42_000 })).toBe('ready after 42 s');
    expect(
      describeOutcome({
        outcome: 'crashed',
        exit: { code: 1, signal: null },
        diagnosis: { title: 'CUDA out of memory' },
        error: 'exit 1',
      }),
    ).toBe('crashed (exit 1): CUDA out of memory');
    expect(describeOutcome({ outcome: 'crashed', exit: { code: null, signal: 'SIGKILL' } })).toBe(
      'crashed (SIGKILL)',
    );
    expect(describeOutcome({ outcome: 'failed', error: 'not ready after 600 s' })).toBe(
      'failed: not ready after 600 s',
    );
    expect(describeOutcome({ outcome: 'stopped' })).toBe('stopped while starting');
  });

  it('says who ended a launch and how the engine exited, never "killed" for a plain stop', () => {
    const stopped = { outcome: 'ready', readyAfterMs: 4000, exit: { code: 0, signal: null } } as const;
    expect(describeOutcome({ ...stopped, endedBy: 'you' })).toBe(
      'ready after 4.0 s · stopped by you (exit 0)',
    );
    expect(describeOutcome({ ...stopped, endedBy: 'app-exit' })).toBe(
      'ready after 4.0 s · stopped when the app exited (exit 0)',
    );
    expect(describeOutcome({ outcome: 'ready', readyAfterMs: 4000, endedBy: 'app' })).toBe(
      'ready after 4.0 s · ended with the app',
    );
    expect(describeOutcome({ outcome: 'stopped', endedBy: 'app' })).toBe('ended with the app while starting');
    expect(describeOutcome({ outcome: 'running' })).toBe('running: starting');
  });
});
