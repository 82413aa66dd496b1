// The figures the console shows from an engine's Prometheus `/metrics` (GET /api/engine/metrics), and which
// series they come from. A table, oldest spellings last: adding a renamed series is adding a name.
// Rates (generation tokens/s) are the client's to compute from two samples: counters plus `at`.
import type { PromText } from './prometheus';

export interface HistogramSummary {
  count: number;
  /** Seconds in total; sum / count is the mean. */
  sum: number;
}

export interface EngineMetricsAvailable {
  available: true;
  /** ms since epoch when the engine answered. */
  at: number;
  /** The `model_name` label of the series, when they carry one. */
  model: string | null;
  requestsRunning: number | null;
  requestsWaiting: number | null;
  /** 0–1. */
  kvCacheUsage: number | null;
  promptTokensTotal: number | null;
  generationTokensTotal: number | null;
  prefixCacheHitsTotal: number | null;
  prefixCacheQueriesTotal: number | null;
  ttftSeconds: HistogramSummary | null;
  interTokenLatencySeconds: HistogramSummary | null;
  e2eLatencySeconds: HistogramSummary | null;
}

export interface EngineMetricsUnavailable {
  available: false;
  at: number;
  reason: string;
}

export type EngineMetrics = EngineMetricsAvailable | EngineMetricsUnavailable;

type ValueField =
  | 'requestsRunning'
  | 'requestsWaiting'
  | 'kvCacheUsage'
  | 'promptTokensTotal'
  | 'generationTokensTotal'
  | 'prefixCacheHitsTotal'
  | 'prefixCacheQueriesTotal';
type HistogramField = 'ttftSeconds' | 'interTokenLatencySeconds' | 'e2eLatencySeconds';

/**
 * Several series of one name (data-parallel engines, label `engine`) are added up; the KV-cache share
 * takes the fullest engine, which is the one that will start queueing first.
 */
const VALUE_SERIES: Record<ValueField, { names: string[]; combine: 'sum' | 'max' }> = {
  requestsRunning: { names: ['vllm:num_requests_running'], combine: 'sum' },
  requestsWaiting: { names: ['vllm:num_requests_waiting'], combine: 'sum' },
  // `gpu_cache_usage_perc` until the V1 engine renamed it.
  kvCacheUsage: { names: ['vllm:kv_cache_usage_perc', 'vllm:gpu_cache_usage_perc'], combine: 'max' },
  promptTokensTotal: { names: ['vllm:prompt_tokens_total'], combine: 'sum' },
  generationTokensTotal: { names: ['vllm:generation_tokens_total'], combine: 'sum' },
  // Early V1 releases spelled these with a `gpu_` infix.
  prefixCacheHitsTotal: {
    names: ['vllm:prefix_cache_hits_total', 'vllm:gpu_prefix_cache_hits_total'],
    combine: 'sum',
  },
  prefixCacheQueriesTotal: {
    names: ['vllm:prefix_cache_queries_total', 'vllm:gpu_prefix_cache_queries_total'],
    combine: 'sum',
  },
};

const HISTOGRAM_SERIES: Record<HistogramField, string[]> = {
  ttftSeconds: ['vllm:time_to_first_token_seconds'],
  interTokenLatencySeconds: ['vllm:inter_token_latency_seconds', 'vllm:time_per_output_token_seconds'],
  e2eLatencySeconds: ['vllm:e2e_request_latency_seconds'],
};

function byName(text: PromText): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const sample of text.samples) {
    if (!Number.isFinite(sample.value)) continue;
    const list = map.get(sample.name);
    if (list) list.push(sample.value);
    else map.set(sample.name, [sample.value]);
  }
  return map;
}

function firstValue(values: Map<string, number[]>, names: string[], combine: 'sum' | 'max'): number | null {
  for (const name of names) {
    const list = values.get(name);
    if (!list?.length) continue;
    return combine === 'sum' ? list.reduce((a, b) => a + b, 0) : Math.max(...list);
  }
  return null;
}

function histogram(values: Map<string, number[]>, names: string[]): HistogramSummary | null {
  for (const name of names) {
    const count = firstValue(values, [`${name}_count`], 'sum');
    const sum = firstValue(values, [`${name}_sum`], 'sum');
    if (count !== null && sum !== null) return { count, sum };
  }
  return null;
}

/** The figures, or null when the text has none of the series the console reads. */
export function engineMetricsFrom(text: PromText, at: number): EngineMetricsAvailable | null {
  const values = byName(text);
  const figures = {} as Record<ValueField, number | null>;
  for (const [field, spec] of Object.entries(VALUE_SERIES) as [
    ValueField,
    (typeof VALUE_SERIES)[ValueField],
  ][]) {
    figures[field] = firstValue(values, spec.names, spec.combine);
  }
  const histograms = {} as Record<HistogramField, HistogramSummary | null>;
  for (const [field, names] of Object.entries(HISTOGRAM_SERIES) as [HistogramField, string[]][]) {
    histograms[field] = histogram(values, names);
  }
  const known = [...Object.values(figures), ...Object.values(histograms)].some((v) => v !== null);
  if (!known) return null;
  const model = text.samples.find((s) => s.name.startsWith('vllm:') && s.labels.model_name)?.labels
    .model_name;
  return { available: true, at, model: model ?? null, ...figures, ...histograms };
}
