import { describe, expect, it } from 'vitest';
import type { EngineMetricsAvailable } from '@/lib/engine/engine-metrics';
import { appendSample, latestRate, tokenRates } from './engine-rates';

const metrics = (at: number, generationTokensTotal: number | null): EngineMetricsAvailable => ({
  available: true,
  at,
  model: null,
  requestsRunning: 1,
  requestsWaiting: 0,
  kvCacheUsage: 0.1,
  promptTokensTotal: 0,
  generationTokensTotal,
  prefixCacheHitsTotal: null,
  prefixCacheQueriesTotal: null,
  ttftSeconds: null,
  interTokenLatencySeconds: null,
  e2eLatencySeconds: null,
});

describe('metrics samples', () => {
  it('keeps a window of samples and ignores a repeated answer', () => {
    let samples = appendSample([], metrics(1000, 0), 10_000);
    samples = appendSample(samples, metrics(4000, 90), 10_000);
    expect(appendSample(samples, metrics(4000, 90), 10_000)).toBe(samples);
    samples = appendSample(samples, metrics(13_000, 200), 10_000);
    expect(samples.map((s) => s.at)).toEqual([4000, 13_000]);
  });

  it('computes tokens/s from the counter between samples', () => {
    const samples = [
      metrics(0, 0),
      metrics(3000, 150),
      metrics(6000, 150),
      metrics(9000, 60),
      metrics(12_000, null),
    ].reduce((s, m) => appendSample(s, m, 60_000), [] as ReturnType<typeof appendSample>);
    // 150 tokens in 3 s; idle; a restart (counter went down); a missing counter.
    expect(tokenRates(samples)).toEqual([50, 0, null, null]);
    expect(latestRate(samples.slice(0, 2))).toBe(50);
    expect(latestRate(samples.slice(0, 1))).toBeNull();
  });
});
