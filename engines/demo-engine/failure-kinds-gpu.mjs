// Failure kinds about the GPU: out of memory, KV cache sizing, memory held by another process, compute
// capability and a torch/vLLM binary mismatch. Each ends with vLLM's engine-core failure (see failure-helpers.mjs).

import { kvFromGiB, kvGiB } from './context.mjs';
import {
  engineCoreFailure,
  INIT_DEVICE,
  KV_CHECK,
  LOAD_MODEL,
  PROFILE,
  SITE,
  VLLM,
} from './failure-helpers.mjs';
import { record } from './log.mjs';

/** @typedef {import('./failure-kinds-api.mjs').FailureKind} FailureKind */

/** @type {Record<string, FailureKind>} */
export const GPU_KINDS = {
  cuda_oom: {
    after: 'shards:2',
    build: (ctx) =>
      engineCoreFailure(
        ctx,
        [
          ...LOAD_MODEL,
          [
            `${VLLM}/model_executor/models/ernie45_vl.py`,
            1611,
            'load_weights',
            'return loader.load_weights(weights, mapper=self.hf_to_vllm_mapper)',
          ],
          [
            `${VLLM}/model_executor/model_loader/weight_utils.py`,
            846,
            'default_weight_loader',
            'param.data.copy_(loaded_weight)',
          ],
        ],
        `torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.02 GiB. GPU 0 has a total capacity of ${ctx.gpuTotalGiB} GiB of which 598.06 MiB is free. Including non-PyTorch memory, this process has 38.90 GiB memory in use. Of the allocated memory 38.21 GiB is allocated by PyTorch, and 171.44 MiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See documentation for Memory Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)`,
      ),
  },
  kv_cache_too_small: {
    after: 'kv-memory',
    // Shrink the KV budget so that it holds only ~40 % of one max-length sequence.
    tweak: (ctx) => {
      const wanted = ctx.opts.maxModelLen;
      const estimate = wanted > 32 ? Math.floor((wanted * 0.4) / 16) * 16 : Math.max(1, wanted - 1);
      ctx.kv = kvFromGiB(kvGiB(estimate));
      ctx.kv.tokens = estimate;
    },
    build: (ctx) => {
      const wanted = ctx.opts.maxModelLen;
      const needed = kvGiB(wanted).toFixed(2);
      return engineCoreFailure(
        ctx,
        KV_CHECK,
        `ValueError: To serve at least one request with the models's max seq len (${wanted}), (${needed} GiB KV cache is needed, which is larger than the available KV cache memory (${ctx.kv.availGiB.toFixed(2)} GiB). Based on the available memory, the estimated maximum model length is ${ctx.kv.tokens}. Try increasing \`gpu_memory_utilization\` or decreasing \`max_model_len\` when initializing the engine. See https://docs.vllm.ai/en/latest/configuration/conserving_memory/ for more details.`,
      );
    },
  },
  no_kv_cache_memory: {
    after: 'kv-memory',
    tweak: (ctx) => {
      ctx.kv = { availGiB: -1.37, tokens: 0 };
    },
    build: (ctx) =>
      engineCoreFailure(
        ctx,
        KV_CHECK,
        'ValueError: No available memory for the cache blocks. Try increasing `gpu_memory_utilization` when initializing the engine. See https://docs.vllm.ai/en/latest/configuration/conserving_memory/ for more details.',
      ),
  },
  gpu_memory_in_use: {
    after: 'engine-init',
    build: (ctx) => {
      const util = ctx.opts.gpuMemoryUtilization;
      const wanted = (ctx.gpuTotalGiB * util).toFixed(2);
      return engineCoreFailure(
        ctx,
        [...INIT_DEVICE, [`${VLLM}/v1/worker/gpu_worker.py`, 187, 'init_device', 'raise ValueError(']],
        `ValueError: Free memory on device cuda:0 (6.12/${ctx.gpuTotalGiB} GiB) on startup is less than desired GPU memory utilization (${util}, ${wanted} GiB). Decrease GPU memory utilization or reduce GPU memory used by other processes.`,
      );
    },
  },
  unsupported_gpu_arch: {
    after: 'engine-init',
    build: (ctx) =>
      engineCoreFailure(
        ctx,
        [
          ...INIT_DEVICE,
          [
            `${VLLM}/v1/worker/gpu_worker.py`,
            173,
            'init_device',
            'current_platform.check_if_supports_dtype(self.model_config.dtype)',
          ],
          [`${VLLM}/platforms/cuda.py`, 451, 'check_if_supports_dtype', 'raise ValueError('],
        ],
        'ValueError: Bfloat16 is only supported on GPUs with compute capability of at least 8.0. Your Tesla T4 GPU has compute capability 7.5. You can use float16 instead by explicitly setting the `dtype` flag in CLI, for example: --dtype=half.',
      ),
  },
  torch_cuda_mismatch: {
    after: 'model-loaded',
    build: (ctx) => [
      record(
        ctx.engine,
        'WARNING',
        '_custom_ops.py:20',
        `Failed to import from vllm._C with ImportError('${VLLM}/_C.abi3.so: undefined symbol: _ZN3c104cuda29c10_cuda_check_implementationEiPKcS2_ib')`,
      ),
      ...engineCoreFailure(
        ctx,
        [
          ...PROFILE,
          [
            `${VLLM}/v1/engine/core.py`,
            181,
            '_initialize_kv_caches',
            'self.model_executor.determine_available_memory())',
          ],
          [
            `${VLLM}/v1/worker/gpu_worker.py`,
            263,
            'determine_available_memory',
            'self.model_runner.profile_run()',
          ],
          [`${VLLM}/model_executor/layers/layernorm.py`, 32, 'rms_norm', 'ops.rms_norm('],
          [`${VLLM}/_custom_ops.py`, 308, 'rms_norm', 'torch.ops._C.rms_norm(out, input, weight, epsilon)'],
          [`${SITE}/torch/_ops.py`, 1243, '__getattr__', 'raise AttributeError('],
        ],
        "AttributeError: '_OpNamespace' '_C' object has no attribute 'rms_norm'",
      ),
    ],
  },
};
