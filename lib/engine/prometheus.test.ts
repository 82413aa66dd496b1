// The Prometheus text format as vLLM (prometheus_client) writes it, and its corner cases.
import { describe, expect, it } from 'vitest';
import { VLLM_V1_METRICS } from './fixtures/vllm-metrics';
import { parsePrometheus } from './prometheus';

describe('parsePrometheus', () => {
  it('reads every sample of a vLLM scrape with its labels, and the declared types', () => {
    const { samples, types } = parsePrometheus(VLLM_V1_METRICS);
    const running = samples.find((s) => s.name === 'vllm:num_requests_running');
    expect(running).toEqual({
      name: 'vllm:num_requests_running',
      labels: { engine: '0', model_name: 'cyankiwi/ERNIE-4.5-VL-28B-A3B-Thinking-AWQ-4bit' },
      value: 1,
    });
    expect(types['vllm:time_to_first_token_seconds']).toBe('histogram');
    expect(types['vllm:kv_cache_usage_perc']).toBe('gauge');
    const inf = samples.find(
      (s) => s.name === 'vllm:time_to_first_token_seconds_bucket' && s.labels.le === '+Inf',
    );
    expect(inf?.value).toBe(3);
    expect(samples.find((s) => s.name === 'process_resident_memory_bytes')?.value).toBe(2147483648);
    expect(samples.filter((s) => s.name === 'vllm:request_success_total')).toHaveLength(3);
  });

  it('unescapes label values and reads special values, timestamps and exemplars', () => {
    const text = [
      'odd{path="C:\\\\models\\\\x",quote="say \\"hi\\"",nl="a\\nb"} 1',
      'up +Inf',
      'down -Inf',
      'nan NaN',
      'stamped{a="1"} 42 1715000000000',
      'exemplar_bucket{le="0.5"} 7 # {trace_id="abc"} 0.3 1715000000.0',
      'spaced { a = "x" , } 5',
    ].join('\n');
    const { samples } = parsePrometheus(text);
    expect(samples[0]?.labels).toEqual({ path: 'C:\\models\\x', quote: 'say "hi"', nl: 'a\nb' });
    expect(samples.map((s) => s.value).slice(1, 3)).toEqual([Infinity, -Infinity]);
    expect(Number.isNaN(samples[3]?.value)).toBe(true);
    expect(samples[4]?.value).toBe(42);
    expect(samples[5]?.value).toBe(7);
    expect(samples[6]).toEqual({ name: 'spaced', labels: { a: 'x' }, value: 5 });
  });

  it('skips malformed lines instead of failing the scrape', () => {
    const { samples } = parsePrometheus(
      'good 1\nbad{a="unterminated} 2\n{nolabel} 3\nnovalue\nalso_good 4\n# EOF\n',
    );
    expect(samples.map((s) => s.name)).toEqual(['good', 'also_good']);
  });

  it('is empty for a text that is not Prometheus at all', () => {
    expect(parsePrometheus('<html><body>Not Found</body></html>').samples).toEqual([]);
  });
});
