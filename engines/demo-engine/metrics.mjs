// Request accounting behind `/metrics` (Prometheus text, vLLM's series names) and the periodic
// `Engine 000: Avg prompt throughput ...` log line vLLM prints every 10 s while busy.
//
// `vllm:request_aborted_total` is NOT a vLLM series: it is the demo's counter of requests aborted because the
// client disconnected, so tests and benchmarks can prove that an abort reached the engine. Real vLLM counts those
// under `vllm:request_success_total{finished_reason="abort"}`, which is exported too.

import { emit, record } from './log.mjs';

/** @typedef {'stop' | 'length' | 'abort' | 'error'} FinishReason */

const state = {
  running: 0,
  promptTokens: 0,
  generationTokens: 0,
  aborted: 0,
  /** @type {Record<FinishReason, number>} */
  finished: { stop: 0, length: 0, abort: 0, error: 0 },
  /** tokens held in the (simulated) KV cache by running requests */
  kvTokens: 0,
};

/**
 * Registers a running request; the returned handle records its tokens and its end (exactly once).
 * @param {number} promptTokens
 */
export function startRequest(promptTokens) {
  state.running++;
  state.promptTokens += promptTokens;
  state.kvTokens += promptTokens;
  let held = promptTokens;
  let done = false;
  return {
    token() {
      state.generationTokens++;
      state.kvTokens++;
      held++;
    },
    /** @param {FinishReason} reason */
    finish(reason) {
      if (done) return;
      done = true;
      state.running--;
      state.kvTokens -= held;
      state.finished[reason]++;
      if (reason === 'abort') state.aborted++;
    },
  };
}

/** @param {string} value */
const label = (value) => value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
const num = (/** @type {number} */ n) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/**
 * @param {import('./context.mjs').Context} ctx
 * @returns {string} Prometheus text exposition format 0.0.4
 */
export function renderMetrics(ctx) {
  const labels = `engine="0",model_name="${label(ctx.opts.servedModelName)}"`;
  const kvUsage = ctx.kv.tokens > 0 ? Math.min(1, state.kvTokens / ctx.kv.tokens) : 0;
  /** @type {[string, string, string, [string, number][]][]} */
  const series = [
    [
      'vllm:num_requests_running',
      'gauge',
      'Number of requests in model execution batches.',
      [['', state.running]],
    ],
    ['vllm:num_requests_waiting', 'gauge', 'Number of requests waiting to be processed.', [['', 0]]],
    ['vllm:kv_cache_usage_perc', 'gauge', 'KV-cache usage. 1 means 100 percent usage.', [['', kvUsage]]],
    [
      'vllm:prompt_tokens_total',
      'counter',
      'Number of prefill tokens processed.',
      [['', state.promptTokens]],
    ],
    [
      'vllm:generation_tokens_total',
      'counter',
      'Number of generation tokens processed.',
      [['', state.generationTokens]],
    ],
    [
      'vllm:request_success_total',
      'counter',
      'Count of successfully processed requests.',
      Object.entries(state.finished).map(([reason, n]) => [`,finished_reason="${reason}"`, n]),
    ],
    [
      'vllm:request_aborted_total',
      'counter',
      'Demo engine only: requests aborted because the client disconnected.',
      [['', state.aborted]],
    ],
  ];
  return series
    .flatMap(([name, type, help, samples]) => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} ${type}`,
      ...samples.map(([extra, value]) => `${name}{${labels}${extra}} ${num(value)}`),
    ])
    .join('\n')
    .concat('\n');
}

export const runningRequests = () => state.running;

/**
 * Starts vLLM's periodic stats line (every 10 s, only when something happened since the last one).
 * @param {import('./context.mjs').Context} ctx
 */
export function startStatsLogger(ctx, intervalMs = 10_000) {
  let last = { prompt: state.promptTokens, generation: state.generationTokens, at: performance.now() };
  const timer = setInterval(() => {
    const now = performance.now();
    const seconds = (now - last.at) / 1000;
    const prompt = (state.promptTokens - last.prompt) / seconds;
    const generation = (state.generationTokens - last.generation) / seconds;
    last = { prompt: state.promptTokens, generation: state.generationTokens, at: now };
    if (prompt === 0 && generation === 0 && state.running === 0) return;
    const usage = ctx.kv.tokens > 0 ? (100 * state.kvTokens) / ctx.kv.tokens : 0;
    emit(
      record(
        ctx.api,
        'INFO',
        'loggers.py:123',
        `Engine 000: Avg prompt throughput: ${prompt.toFixed(1)} tokens/s, Avg generation throughput: ${generation.toFixed(1)} tokens/s, Running: ${state.running} reqs, Waiting: 0 reqs, GPU KV cache usage: ${usage.toFixed(1)}%, Prefix cache hit rate: 0.0%`,
      ),
    );
  }, intervalMs);
  timer.unref();
}
