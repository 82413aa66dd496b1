// Failure kinds from the engine's environment: disk, weight files, shared memory for multi-GPU workers, the C
// toolchain torch.compile needs, and a hard crash. All but `engine_core_died` end with vLLM's engine-core failure.

import {
  EXECUTOR_FRAMES,
  engineCoreFailure,
  engineStartupWrapper,
  LOAD_MODEL,
  PROFILE,
  PY,
  SITE,
  VLLM,
} from './failure-helpers.mjs';
import { raw, record, traceback } from './log.mjs';

/** @typedef {import('./failure-kinds-api.mjs').FailureKind} FailureKind */
/** @typedef {import('./log.mjs').Frame} Frame */

/** @type {Record<string, FailureKind>} */
export const ENGINE_KINDS = {
  disk_full: {
    after: 'weights-format',
    build: (ctx) => [
      raw('stderr', ctx.engine, [
        `${SITE}/huggingface_hub/file_download.py:801: UserWarning: Not enough free disk space to download the file. The expected file size is: 4987.52 MB. The target location /root/.cache/huggingface/hub/models--${ctx.opts.model.replaceAll('/', '--')}/blobs only has 2210.37 MB free disk space.`,
        '  warnings.warn(',
      ]),
      ...engineCoreFailure(
        ctx,
        [
          ...LOAD_MODEL,
          [
            `${VLLM}/model_executor/model_loader/default_loader.py`,
            95,
            '_prepare_weights',
            'hf_folder = download_weights_from_hf(',
          ],
          [
            `${VLLM}/model_executor/model_loader/weight_utils.py`,
            438,
            'download_weights_from_hf',
            'hf_folder = snapshot_download(',
          ],
          [`${SITE}/huggingface_hub/file_download.py`, 1724, 'http_get', 'temp_file.write(chunk)'],
        ],
        'OSError: [Errno 28] No space left on device',
      ),
    ],
  },
  corrupt_weights: {
    after: 'shards:1',
    build: (ctx) =>
      engineCoreFailure(
        ctx,
        [
          ...LOAD_MODEL,
          [
            `${VLLM}/model_executor/model_loader/default_loader.py`,
            264,
            'load_weights',
            'loaded_weights = model.load_weights(',
          ],
          [
            `${VLLM}/model_executor/model_loader/weight_utils.py`,
            556,
            'safetensors_weights_iterator',
            'with safe_open(st_file, framework="pt") as f:',
          ],
        ],
        'safetensors_rust.SafetensorError: Error while deserializing header: HeaderTooLarge',
      ),
  },
  shm_multiproc: {
    after: 'engine-init',
    build: (ctx) => {
      const nccl = [
        'torch.distributed.DistBackendError: NCCL error in: /pytorch/torch/csrc/distributed/c10d/NCCLUtils.cpp:77, unhandled system error (run with NCCL_DEBUG=INFO for details), NCCL version 2.26.2',
        'ncclSystemError: System call (e.g. socket, malloc) or external library call failed or device error. ',
        'Last error:',
        'Error while creating shared memory segment /dev/shm/nccl-Tq4w8e (size 9637888)',
      ].join('\n');
      const workerFrames = /** @type {Frame[]} */ ([
        [
          `${VLLM}/v1/executor/multiproc_executor.py`,
          571,
          'worker_main',
          'worker = WorkerProc(*args, **kwargs)',
        ],
        [`${VLLM}/v1/executor/multiproc_executor.py`, 437, '__init__', 'self.worker.init_device()'],
        [
          `${VLLM}/distributed/parallel_state.py`,
          1190,
          'init_distributed_environment',
          'torch.distributed.barrier()',
        ],
      ]);
      return [
        record(
          ctx.worker,
          'ERROR',
          'multiproc_executor.py:597',
          ['WorkerProc failed to start.', ...traceback(workerFrames, nccl)].join('\n'),
        ),
        ...engineCoreFailure(
          ctx,
          [
            ...EXECUTOR_FRAMES,
            [
              `${VLLM}/v1/executor/multiproc_executor.py`,
              106,
              '_init_executor',
              'self.workers = WorkerProc.wait_for_ready(unready_workers)',
            ],
            [`${VLLM}/v1/executor/multiproc_executor.py`, 509, 'wait_for_ready', 'raise e from None'],
          ],
          'Exception: WorkerProc initialization failed due to an exception in a background process. See stack trace for root cause.',
        ),
      ];
    },
  },
  compile_toolchain: {
    after: 'compile-start',
    build: (ctx) => {
      const tmp = '/tmp/tmpq1w2e3r4';
      const cmd = `['/usr/bin/gcc', '${tmp}/cuda_utils.c', '-O3', '-shared', '-fPIC', '-Wno-psabi', '-o', '${tmp}/cuda_utils.cpython-312-x86_64-linux-gnu.so', '-lcuda', '-L${SITE}/triton/backends/nvidia/lib', '-I${tmp}', '-I/usr/include/python3.12']`;
      return [
        raw('stderr', ctx.engine, [
          '/usr/bin/ld: cannot find -lcuda: No such file or directory',
          'collect2: error: ld returned 1 exit status',
        ]),
        ...engineCoreFailure(
          ctx,
          [
            ...PROFILE,
            [
              `${VLLM}/v1/worker/gpu_worker.py`,
              263,
              'determine_available_memory',
              'self.model_runner.profile_run()',
            ],
            [
              `${VLLM}/compilation/backends.py`,
              667,
              '__call__',
              'self.compiled_graph_for_general_shape = self.vllm_backend.compiler_manager.compile(',
            ],
            [
              `${SITE}/torch/_inductor/compile_fx.py`,
              895,
              'compile_fx_inner',
              'raise InductorError(e, currentframe()).with_traceback(',
            ],
          ],
          [
            `torch._inductor.exc.InductorError: CalledProcessError: Command '${cmd}' returned non-zero exit status 1.`,
            '',
            'Set TORCHDYNAMO_VERBOSE=1 for the internal stack trace (please do this especially if you\'re reporting a bug to PyTorch). For even more developer context, set TORCH_LOGS="+dynamo"',
          ].join('\n'),
        ),
      ];
    },
  },
  engine_core_died: {
    after: 'graphs:2',
    // A hard crash: faulthandler writes straight to fd 2 (no process prefix, mid-bar), there is no Python
    // exception in the engine, and the API server reports the signal as a negative exit code.
    build: (ctx) => [
      {
        stream: 'stderr',
        text: [
          '',
          'Fatal Python error: Segmentation fault',
          '',
          'Thread 0x00007f1d2a7fe640 (most recent call first):',
          `  File "${PY}/threading.py", line 359 in wait`,
          `  File "${PY}/threading.py", line 1010 in run`,
          '',
          'Current thread 0x00007f1f8c3b2740 (most recent call first):',
          `  File "${SITE}/torch/cuda/graphs.py", line 88 in capture_end`,
          `  File "${VLLM}/compilation/cuda_graph.py", line 196 in __call__`,
          `  File "${VLLM}/v1/worker/gpu_model_runner.py", line 3552 in _capture_cudagraphs`,
          `  File "${VLLM}/v1/engine/core.py", line 699 in run_engine_core`,
          '',
          'Extension modules: numpy._core._multiarray_umath, torch._C, torch._C._dynamo, vllm._C, vllm._moe_C (total: 93)',
          '',
        ].join('\n'),
      },
      ...engineStartupWrapper(ctx, -11),
    ],
  },
};
