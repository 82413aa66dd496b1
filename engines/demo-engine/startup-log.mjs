// The vLLM startup log as a timeline of events. Each event has an id (failure kinds cut the timeline after
// one of them), a position `at` in [0, 1] of the startup time, and the output it prints.
// Progress bars are written the way tqdm writes them into a pipe (see vllm-facts §3 "Carriage returns"):
//   shard loading — vLLM's custom format: `\r<bar>\n` per update, the prefix before the `\r`;
//   CUDA graphs   — tqdm's default format: `\r<bar>` per update and a single `\n` when the bar closes.

import { SPECS } from './args.mjs';
import { VERSION } from './context.mjs';
import { emit, pyRepr, raw, record, thousands, uvicorn } from './log.mjs';

/** @typedef {import('./log.mjs').Out} Out */
/** @typedef {{ id: string, at: number, outs: Out[] }} StartupEvent */

const SHARDS = 4;
export const ROUTES = [
  ['/health', 'GET'],
  ['/ping', 'GET, POST'],
  ['/load', 'GET'],
  ['/version', 'GET'],
  ['/metrics', 'GET'],
  ['/v1/models', 'GET'],
  ['/v1/chat/completions', 'POST'],
];

const mmss = (/** @type {number} */ s) =>
  `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** tqdm's `[elapsed<remaining, rate]` part. */
function timing(/** @type {number} */ n, /** @type {number} */ total, /** @type {number} */ elapsed) {
  if (n === 0 || elapsed <= 0) return `[00:00<?, ?it/s]`;
  const rate = n / elapsed;
  const rateText =
    rate >= 1 ? `${rate.toFixed(2).padStart(5)}it/s` : `${(1 / rate).toFixed(2).padStart(5)}s/it`;
  return `[${mmss(elapsed)}<${mmss((total - n) / rate)}, ${rateText}]`;
}

/** tqdm's default 10-column bar with eighth-block partials. */
function blocks(/** @type {number} */ fraction) {
  const eighths = Math.floor(fraction * 80);
  const full = Math.floor(eighths / 8);
  const partial = full < 10 ? ' ▏▎▍▌▋▊▉'[eighths % 8] : '';
  return ('█'.repeat(full) + partial).padEnd(10);
}

/**
 * The whole startup log, in four phases.
 * @param {import('./context.mjs').Context} ctx
 * @returns {StartupEvent[]}
 */
export function startupEvents(ctx) {
  /** @type {StartupEvent[]} */
  const events = [];
  const S = ctx.opts.startupSeconds;
  const t = {
    ctx,
    S,
    add: (/** @type {string} */ id, /** @type {number} */ at, /** @type {Out[]} */ ...outs) =>
      events.push({ id, at, outs }),
    api: (/** @type {string} */ src, /** @type {string} */ msg) => record(ctx.api, 'INFO', src, msg),
    eng: (/** @type {string} */ src, /** @type {string} */ msg) => record(ctx.engine, 'INFO', src, msg),
    /** a duration that scales with --startup-seconds, as `12.34` */
    took: (/** @type {number} */ fraction) => (S * fraction).toFixed(2),
  };
  frontEnd(t);
  loading(t);
  profiling(t);
  serving(t);
  return events;
}

/** @typedef {{ ctx: import('./context.mjs').Context, S: number, took: (f: number) => string,
 *   add: (id: string, at: number, ...outs: Out[]) => void,
 *   api: (src: string, msg: string) => Out, eng: (src: string, msg: string) => Out }} Timeline */

/** API server start and engine-core spawn. @param {Timeline} t */
function frontEnd({ ctx, add, api, eng }) {
  const { opts } = ctx;
  const engineConfig =
    `model='${opts.model}', tokenizer='${opts.model}', trust_remote_code=${pyRepr(opts.trustRemoteCode)}, ` +
    `dtype=torch.bfloat16, max_seq_len=${opts.maxModelLen}, tensor_parallel_size=${opts.tensorParallelSize}, ` +
    `enforce_eager=${pyRepr(opts.enforceEager)}, served_model_name=${opts.servedModelName}, enable_prefix_caching=True`;
  add('version', 0, api('api_server.py:1839', `vLLM API server version ${VERSION}`));
  add('args', 0.01, api('utils.py:233', `non-default args: ${pyRepr(nonDefaultArgs(ctx))}`));
  add('arch', 0.03, api('model.py:547', 'Resolved architecture: DemoVLForConditionalGeneration'));
  add('max-len', 0.035, api('model.py:1510', `Using max model len ${opts.maxModelLen}`));
  add(
    'chunked',
    0.04,
    api('scheduler.py:205', 'Chunked prefill is enabled with max_num_batched_tokens=8192.'),
  );
  add(
    'engine-init',
    0.06,
    eng('core.py:644', 'Waiting for init message from front-end.'),
    eng('core.py:77', `Initializing a V1 LLM engine (v${VERSION}) with config: ${engineConfig}`),
    eng(
      'parallel_state.py:1208',
      'rank 0 in world size 1 is assigned as DP rank 0, PP rank 0, TP rank 0, EP rank 0',
    ),
  );
}

/** Weight download (silent, as in vLLM) and loading, with the shard bar. @param {Timeline} t */
function loading({ ctx, S, add, eng, took }) {
  const model = ctx.opts.model;
  add('load-start', 0.1, eng('gpu_model_runner.py:2602', `Starting to load model ${model}...`));
  add('weights-format', 0.12, eng('weight_utils.py:392', "Using model weights format ['*.safetensors']"));
  add(
    'download',
    0.16,
    eng('weight_utils.py:413', `Time spent downloading weights for ${model}: ${took(0.04)} seconds`),
  );
  const bar = (/** @type {number} */ n) => {
    const pct = String(Math.round((100 * n) / SHARDS)).padStart(3);
    const text = `Loading safetensors checkpoint shards: ${pct}% Completed | ${n}/${SHARDS}`;
    return raw('stderr', ctx.engine, [`\r${text} ${timing(n, SHARDS, (0.2 * S * n) / SHARDS)}`]);
  };
  for (let n = 0; n <= SHARDS; n++) add(`shards:${n}`, 0.18 + (0.2 * n) / SHARDS, bar(n));
  // tqdm repeats the final state on close; the newline of vLLM's bar format then leaves an empty prefixed line.
  add('shards:close', 0.385, bar(SHARDS), raw('stderr', ctx.engine, ['']));
  add('weights-loaded', 0.4, eng('default_loader.py:267', `Loading weights took ${took(0.2)} seconds`));
  const memory = `Model loading took ${ctx.weightsGiB} GiB memory and ${took(0.31)} seconds`;
  add('model-loaded', 0.41, eng('gpu_model_runner.py:2653', memory));
}

/** torch.compile, memory profiling, KV cache sizing and CUDA graphs. @param {Timeline} t */
function profiling({ ctx, S, add, eng, took }) {
  const { opts, kv } = ctx;
  const cacheDir = '/root/.cache/vllm/torch_compile_cache/3f1c2a9b7e/rank_0_0/backbone';
  const concurrency = (kv.tokens / opts.maxModelLen).toFixed(2);
  add(
    'compile-start',
    0.44,
    eng('backends.py:548', `Using cache directory: ${cacheDir} for vLLM's torch.compile`),
    eng('backends.py:559', `Dynamo bytecode transform time: ${took(0.03)} s`),
  );
  add('compile-done', 0.58, eng('monitor.py:34', `torch.compile takes ${took(0.14)} s in total`));
  add(
    'kv-memory',
    0.62,
    eng('gpu_worker.py:298', `Available KV cache memory: ${kv.availGiB.toFixed(2)} GiB`),
  );
  add(
    'kv-size',
    0.63,
    eng('kv_cache_utils.py:1087', `GPU KV cache size: ${thousands(kv.tokens)} tokens`),
    eng(
      'kv_cache_utils.py:1091',
      `Maximum concurrency for ${thousands(opts.maxModelLen)} tokens per request: ${concurrency}x`,
    ),
  );
  if (opts.enforceEager) {
    add('graphs-skipped', 0.66, eng('gpu_model_runner.py:3410', 'Cudagraph is disabled under eager mode'));
  } else {
    graphBar(
      { ctx, add },
      'graphs',
      'Capturing CUDA graphs (mixed prefill-decode, PIECEWISE)',
      67,
      [0.66, 0.76],
    );
    graphBar({ ctx, add }, 'graphs-full', 'Capturing CUDA graphs (decode, FULL)', 35, [0.77, 0.85]);
    const secs = Math.max(1, Math.round(S * 0.2));
    add(
      'graphs-done',
      0.87,
      eng('gpu_model_runner.py:3480', `Graph capturing finished in ${secs} secs, took 0.39 GiB`),
    );
  }
  const init = `init engine (profile, create kv cache, warmup model) took ${took(0.48)} seconds`;
  add('engine-ready', 0.88, eng('core.py:210', init));
}

/** The API server comes up: tasks, routes, uvicorn. @param {Timeline} t */
function serving({ ctx, add, api }) {
  const { opts } = ctx;
  const sampling = "Using default chat sampling params from model: {'temperature': 0.6, 'top_p': 0.95}";
  add(
    'tasks',
    0.9,
    api('api_server.py:1634', "Supported_tasks: ['generate']"),
    api('serving_chat.py:139', sampling),
  );
  add(
    'serve',
    0.93,
    api('api_server.py:1912', `Starting vLLM API server 0 on http://${opts.host}:${opts.port}`),
    api('launcher.py:34', 'Available routes are:'),
    ...ROUTES.map(([path, methods]) => api('launcher.py:42', `Route: ${path}, Methods: ${methods}`)),
  );
  add(
    'uvicorn',
    0.97,
    uvicorn(ctx.api, 'INFO', `Started server process [${ctx.pid}]`),
    uvicorn(ctx.api, 'INFO', 'Waiting for application startup.'),
    uvicorn(ctx.api, 'INFO', 'Application startup complete.'),
  );
}

/**
 * A default-format tqdm bar: `\r`-separated redraws on one line, a newline only when it closes.
 * @param {{ ctx: import('./context.mjs').Context, add: Timeline['add'] }} t
 * @param {string} id
 * @param {string} desc
 * @param {number} total
 * @param {[number, number]} span start and end of the bar on the timeline
 */
function graphBar({ ctx, add }, id, desc, total, [from, to]) {
  const S = ctx.opts.startupSeconds;
  for (const [i, fraction] of [0, 0.15, 0.4, 0.7, 0.9, 1].entries()) {
    const n = Math.round(total * fraction);
    const pct = String(Math.round(100 * fraction)).padStart(3);
    const bar = `${desc}: ${pct}%|${blocks(fraction)}| ${n}/${total} ${timing(n, total, (to - from) * S * fraction)}`;
    // The process prefix is written once, before the first \r, as vLLM's prefixing stream does.
    const text = `${i === 0 ? `${ctx.engine} ` : ''}\r${bar}${fraction === 1 ? '\n' : ''}`;
    add(`${id}:${i}`, from + (to - from) * fraction, { stream: 'stderr', text });
  }
}

/** The `non-default args` dict, keyed by vLLM's snake_case option names. */
function nonDefaultArgs(/** @type {import('./context.mjs').Context} */ ctx) {
  /** @type {Record<string, unknown>} */
  const args = {};
  for (const spec of SPECS) {
    if (!ctx.given.includes(spec.dest)) continue;
    const key = spec.flag.slice(2).replaceAll('-', '_');
    const value = ctx.opts[spec.dest];
    if (spec.dest === 'limitMmPerPrompt') args[key] = ctx.opts.limitMmRaw;
    else if (spec.dest === 'apiKey' || spec.dest === 'servedModelName') args[key] = [value];
    else args[key] = value;
  }
  return args;
}

/**
 * Plays events in order, each at `at × seconds` after the call; with 0 seconds everything prints synchronously.
 * @param {StartupEvent[]} events
 * @param {number} seconds
 */
export async function play(events, seconds) {
  const t0 = performance.now();
  for (const event of events) {
    const wait = t0 + event.at * seconds * 1000 - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    emit(event.outs);
  }
}
