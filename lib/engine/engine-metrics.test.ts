// The console's figures from a vLLM scrape, old and new series names.
import { describe, expect, it } from 'vitest';
import { engineMetricsFrom } from './engine-metrics';
import { VLLM_OLD_METRICS, VLLM_V1_METRICS } from './fixtures/vllm-metrics';
import { parsePrometheus } from './prometheus';

describe('engineMetricsFrom', () => {
  it('reads the figures of a V1 server', () => {
    expect(engineMetricsFrom(parsePrometheus(VLLM_V1_METRICS), 1000)).toEqual({
      available: true,
      at: 1000,
      model: 'cyankiwi/ERNIE-4.5-VL-28B-A3B-Thinking-AWQ-4bit',
      requestsRunning: 1,
      requestsWaiting: 2,
      kvCacheUsage: 0.0734375,
      promptTokensTotal: 5312,
      generationTokensTotal: 1873,
      prefixCacheHitsTotal: 1024,
      prefixCacheQueriesTotal: 5312,
      ttftSeconds: { count: 3, sum: 1.4125 },
      interTokenLatencySeconds: { count: 1870, sum: 39.27 },
      e2eLatencySeconds: { count: 2, sum: 31.5 },
    });
  });

  it('accepts the older names (gpu_cache_usage_perc, time_per_output_token_seconds)', () => {
    const metrics = engineMetricsFrom(parsePrometheus(VLLM_OLD_METRICS), 1);
    expect(metrics).toMatchObject({
      kvCacheUsage: 0.25,
      generationTokensTotal: 400,
      interTokenLatencySeconds: { count: 399, sum: 7.98 },
      ttftSeconds: null,
      prefixCacheHitsTotal: null,
    });
  });

  it('adds up data-parallel engines, but reports the fullest KV cache', () => {
    const text = [
      'vllm:num_requests_running{engine="0"} 2',
      'vllm:num_requests_running{engine="1"} 3',
      'vllm:kv_cache_usage_perc{engine="0"} 0.2',
      'vllm:kv_cache_usage_perc{engine="1"} 0.7',
    ].join('\n');
    expect(engineMetricsFrom(parsePrometheus(text), 1)).toMatchObject({
      requestsRunning: 5,
      kvCacheUsage: 0.7,
    });
  });

  it('is null for a scrape without any series it knows (llama.cpp, another server)', () => {
    const text = 'llamacpp:prompt_tokens_total 10\nprocess_cpu_seconds_total 3.2\n';
    expect(engineMetricsFrom(parsePrometheus(text), 1)).toBeNull();
  });
});
