// The figures behind the live metrics: samples of GET /api/engine/metrics kept for a few minutes, and the
// generation rate (tokens/s) between consecutive samples, since the engine only exports counters. Pure.
import type { EngineMetricsAvailable } from '@/lib/engine/engine-metrics';

export interface MetricsSample {
  at: number;
  requestsRunning: number | null;
  requestsWaiting: number | null;
  kvCacheUsage: number | null;
  generationTokensTotal: number | null;
}

/** Appends a sample (ignoring a repeat of the newest `at`) and drops samples older than `windowMs`. */
export function appendSample(
  samples: readonly MetricsSample[],
  metrics: EngineMetricsAvailable,
  windowMs: number,
): MetricsSample[] {
  const last = samples.at(-1);
  if (last && metrics.at <= last.at) return samples as MetricsSample[];
  const sample: MetricsSample = {
    at: metrics.at,
    requestsRunning: metrics.requestsRunning,
    requestsWaiting: metrics.requestsWaiting,
    kvCacheUsage: metrics.kvCacheUsage,
    generationTokensTotal: metrics.generationTokensTotal,
  };
  const from = metrics.at - windowMs;
  return [...samples.filter((s) => s.at >= from), sample];
}

/**
 * Tokens/s between each pair of consecutive samples (one value fewer than samples). A counter that went
 * down (the engine restarted) or is missing gives null for that interval.
 */
export function tokenRates(samples: readonly MetricsSample[]): (number | null)[] {
  const rates: (number | null)[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    const dt = a && b ? (b.at - a.at) / 1000 : 0;
    const da =
      a?.generationTokensTotal != null && b?.generationTokensTotal != null
        ? b.generationTokensTotal - a.generationTokensTotal
        : null;
    rates.push(da === null || da < 0 || dt <= 0 ? null : da / dt);
  }
  return rates;
}

/** The newest rate, or null when there is none yet. */
export function latestRate(samples: readonly MetricsSample[]): number | null {
  if (samples.length < 2) return null;
  return tokenRates(samples.slice(-2))[0] ?? null;
}
