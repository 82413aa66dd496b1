// Building blocks for failure excerpts: Python paths, the fixed outer stack frames of vLLM's API server and
// engine core, and the two shapes a startup failure takes in vLLM's output.
//
// Engine-core failure, in the order vLLM prints it:
//   1. stdout, engine logger: `ERROR ... [core.py:708] EngineCore failed to start.` + traceback ending in the root
//      exception (every line carries the logger header);
//   2. stderr, multiprocessing: `Process EngineCore_DP0:` + the same traceback, raw;
//   3. stderr, API server: traceback ending in `RuntimeError: Engine core initialization failed. See root cause
//      above. Failed core proc(s): {'EngineCore_DP0': 1}`.
// API-side failure (config, download, bind): one raw traceback on stderr from the API server process.

import { raw, record, traceback } from './log.mjs';

/** @typedef {import('./log.mjs').Frame} Frame */
/** @typedef {import('./log.mjs').Out} Out */
/** @typedef {import('./context.mjs').Context} Context */

export const PY = '/usr/lib/python3.12';
export const SITE = '/usr/local/lib/python3.12/dist-packages';
export const VLLM = `${SITE}/vllm`;

/** @type {Frame[]} */
const CLI_FRAMES = [
  ['/usr/local/bin/vllm', 10, '<module>', 'sys.exit(main())'],
  [`${VLLM}/entrypoints/cli/main.py`, 54, 'main', 'args.dispatch_function(args)'],
  [`${VLLM}/entrypoints/cli/serve.py`, 57, 'cmd', 'uvloop.run(run_server(args))'],
  [`${SITE}/uvloop/__init__.py`, 109, 'run', 'return __asyncio.run('],
  [`${PY}/asyncio/runners.py`, 195, 'run', 'return runner.run(main)'],
  [`${PY}/asyncio/runners.py`, 118, 'run', 'return self._loop.run_until_complete(task)'],
  ['uvloop/loop.pyx', 1518, 'uvloop.loop.Loop.run_until_complete', ''],
  [`${SITE}/uvloop/__init__.py`, 61, 'wrapper', 'return await main'],
];

/** Frames from the CLI down to where the API server builds its engine config. */
export const API_CONFIG_FRAMES = [
  ...CLI_FRAMES,
  [
    `${VLLM}/entrypoints/openai/api_server.py`,
    1884,
    'run_server',
    'await run_server_worker(listen_address, sock, args, **uvicorn_kwargs)',
  ],
  [
    `${VLLM}/entrypoints/openai/api_server.py`,
    1902,
    'run_server_worker',
    'async with build_async_engine_client(',
  ],
  [`${PY}/contextlib.py`, 210, '__aenter__', 'return await anext(self.gen)'],
  [
    `${VLLM}/entrypoints/openai/api_server.py`,
    180,
    'build_async_engine_client',
    'async with build_async_engine_client_from_engine_args(',
  ],
  [`${PY}/contextlib.py`, 210, '__aenter__', 'return await anext(self.gen)'],
  [
    `${VLLM}/entrypoints/openai/api_server.py`,
    206,
    'build_async_engine_client_from_engine_args',
    'vllm_config = engine_args.create_engine_config(usage_context=usage_context)',
  ],
  [`${VLLM}/engine/arg_utils.py`, 1142, 'create_engine_config', 'model_config = self.create_model_config()'],
];

export const API_SOCKET_FRAMES = [
  ...CLI_FRAMES,
  [
    `${VLLM}/entrypoints/openai/api_server.py`,
    1880,
    'run_server',
    'listen_address, sock = setup_server(args)',
  ],
  [
    `${VLLM}/entrypoints/openai/api_server.py`,
    1858,
    'setup_server',
    'sock = create_server_socket(sock_addr)',
  ],
  [`${VLLM}/entrypoints/openai/api_server.py`, 1796, 'create_server_socket', 'sock.bind(addr)'],
];

/** @type {Frame[]} API-server frames down to its wait for the engine core (it times out or fails there). */
export const API_WAIT_FRAMES = [
  ...API_CONFIG_FRAMES.slice(0, -2),
  [
    `${VLLM}/entrypoints/openai/api_server.py`,
    225,
    'build_async_engine_client_from_engine_args',
    'async_llm = AsyncLLM.from_vllm_config(',
  ],
  [`${VLLM}/v1/engine/async_llm.py`, 223, 'from_vllm_config', 'return cls('],
  [
    `${VLLM}/v1/engine/async_llm.py`,
    134,
    '__init__',
    'self.engine_core = EngineCoreClient.make_async_mp_client(',
  ],
  [`${VLLM}/v1/engine/core_client.py`, 102, 'make_async_mp_client', 'return AsyncMPClient(*client_args)'],
  [`${VLLM}/v1/engine/core_client.py`, 769, '__init__', 'super().__init__('],
  [
    `${VLLM}/v1/engine/core_client.py`,
    448,
    '__init__',
    'with launch_core_engines(vllm_config, executor_class,',
  ],
  [`${PY}/contextlib.py`, 144, '__exit__', 'next(self.gen)'],
  [`${VLLM}/v1/engine/utils.py`, 732, 'launch_core_engines', 'wait_for_engine_startup('],
];

/** Frames inside the engine-core process before the failing subsystem. */
export const CORE_FRAMES = /** @type {Frame[]} */ ([
  [`${VLLM}/v1/engine/core.py`, 699, 'run_engine_core', 'engine_core = EngineCoreProc(*args, **kwargs)'],
  [`${VLLM}/v1/engine/core.py`, 498, '__init__', 'super().__init__(vllm_config, executor_class, log_stats,'],
]);

/** Frames from the engine core into the single-GPU executor's worker. */
export const EXECUTOR_FRAMES = /** @type {Frame[]} */ ([
  ...CORE_FRAMES,
  [`${VLLM}/v1/engine/core.py`, 83, '__init__', 'self.model_executor = executor_class(vllm_config)'],
  [`${VLLM}/executor/executor_base.py`, 54, '__init__', 'self._init_executor()'],
]);

/** @type {Frame[]} Device initialisation in the single-GPU worker. */
export const INIT_DEVICE = [
  ...EXECUTOR_FRAMES,
  [`${VLLM}/executor/uniproc_executor.py`, 53, '_init_executor', 'self.driver_worker.init_device()'],
  [`${VLLM}/worker/worker_base.py`, 611, 'init_device', 'self.worker.init_device()  # type: ignore'],
];

/** @type {Frame[]} Weight loading in the worker. */
export const LOAD_MODEL = [
  ...EXECUTOR_FRAMES,
  [`${VLLM}/executor/uniproc_executor.py`, 55, '_init_executor', 'self.collective_rpc("load_model")'],
  [
    `${VLLM}/v1/worker/gpu_worker.py`,
    230,
    'load_model',
    'self.model_runner.load_model(eep_scale_up=eep_scale_up)',
  ],
  [`${VLLM}/v1/worker/gpu_model_runner.py`, 2609, 'load_model', 'self.model = model_loader.load_model('],
  [
    `${VLLM}/model_executor/model_loader/base_loader.py`,
    55,
    'load_model',
    'self.load_weights(model, model_config)',
  ],
];

/** @type {Frame[]} Memory profiling before the KV cache is sized. */
export const PROFILE = [
  ...CORE_FRAMES,
  [`${VLLM}/v1/engine/core.py`, 93, '__init__', 'self._initialize_kv_caches(vllm_config)'],
];

/** @type {Frame[]} The check that one max-length sequence fits in the KV cache. */
export const KV_CHECK = [
  ...PROFILE,
  [
    `${VLLM}/v1/engine/core.py`,
    190,
    '_initialize_kv_caches',
    'kv_cache_configs = get_kv_cache_configs(vllm_config, kv_cache_specs,',
  ],
  [
    `${VLLM}/v1/core/kv_cache_utils.py`,
    1244,
    'get_kv_cache_configs',
    'check_enough_kv_cache_memory(vllm_config, kv_cache_spec_one_worker,',
  ],
  [`${VLLM}/v1/core/kv_cache_utils.py`, 716, 'check_enough_kv_cache_memory', 'raise ValueError('],
];

/**
 * @param {Context} ctx
 * @param {Frame[]} frames engine-side frames, outermost first (usually starting with CORE_FRAMES)
 * @param {string} exception the root exception (type: message, may span lines)
 * @param {{ exitCode?: number }} [options]
 * @returns {Out[]}
 */
export function engineCoreFailure(ctx, frames, exception, { exitCode = 1 } = {}) {
  const block = traceback(frames, exception);
  const processFrames = /** @type {Frame[]} */ ([
    [`${PY}/multiprocessing/process.py`, 314, '_bootstrap', 'self.run()'],
    [`${PY}/multiprocessing/process.py`, 108, 'run', 'self._target(*self._args, **self._kwargs)'],
    [`${VLLM}/v1/engine/core.py`, 712, 'run_engine_core', 'raise e'],
    ...frames,
  ]);
  return [
    record(ctx.engine, 'ERROR', 'core.py:708', ['EngineCore failed to start.', ...block].join('\n')),
    raw('stderr', ctx.engine, ['Process EngineCore_DP0:', ...traceback(processFrames, exception)]),
    ...engineStartupWrapper(ctx, exitCode),
  ];
}

/**
 * The API server's view of a dead engine core during startup.
 * @param {Context} ctx
 * @param {number} exitCode the engine process's exit code (negative = killed by that signal)
 */
export function engineStartupWrapper(ctx, exitCode) {
  const frames = /** @type {Frame[]} */ ([
    ...API_WAIT_FRAMES,
    [
      `${VLLM}/v1/engine/utils.py`,
      785,
      'wait_for_engine_startup',
      'raise RuntimeError("Engine core initialization failed. "',
    ],
  ]);
  const failed = `{'EngineCore_DP0': ${exitCode}}`;
  return [
    raw(
      'stderr',
      ctx.api,
      traceback(
        frames,
        `RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): ${failed}`,
      ),
    ),
  ];
}

/**
 * An uncaught exception in the API server process (before the engine core starts).
 * @param {Context} ctx
 * @param {string[]} lines a traceback (or chain of them)
 */
export const apiFailure = (ctx, lines) => [raw('stderr', ctx.api, lines)];
