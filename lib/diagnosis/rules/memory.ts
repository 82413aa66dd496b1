// GPU memory failures: weights or working memory do not fit, the KV cache has no room, or someone else holds
// the memory. Healthy start-ups print hints such as "if you are running out of memory, ...", so no pattern here
// may match a bare "out of memory" or "OOM".
import { fewerSequencesPatch, freeMemorySharePatch, kvCacheContextPatch, memorySharePatch } from '../patches';
import type { DiagnosisRule } from '../types';

const NO_KV_MEMORY = {
  category: 'no_kv_cache_memory',
  phase: 'launch',
  severity: 'error',
  title: 'No GPU memory is left for the KV cache',
  explanation:
    'The model weights plus the memory used by the start-up test run already fill all of the GPU memory vLLM ' +
    'may use (--gpu-memory-utilization), so nothing is left to store the tokens of requests (the KV cache).',
  fix:
    'Use a smaller or quantized model, or raise --gpu-memory-utilization (e.g. 0.95) and lower --max-model-len, ' +
    '--max-num-seqs and the images per prompt so the test run needs less memory; --enforce-eager also saves ' +
    'some. If another program uses the GPU, stop it.',
  patch: () => memorySharePatch(0.95),
} as const;

export const MEMORY_RULES: readonly DiagnosisRule[] = [
  {
    id: 'kv-cache-too-small',
    category: 'kv_cache_too_small',
    phase: 'launch',
    priority: 100,
    severity: 'error',
    patterns: [
      /KV cache is needed, which is larger than the available KV cache memory/i,
      /max seq len \(\d+\) is larger than the maximum number of tokens that can be stored in KV cache/i,
      /estimated maximum model length is \d+/i,
    ],
    title: 'The context length is too long for the memory left on the GPU',
    explanation:
      'vLLM must be able to hold at least one request of the full context length in its KV cache (the memory ' +
      'that stores the tokens being processed). After loading the weights, the memory left is not enough for ' +
      "the model's maximum context length.",
    fix:
      'Relaunch with a shorter context (--max-model-len) at or below the length vLLM estimated, or give vLLM ' +
      'more memory with a higher --gpu-memory-utilization.',
    patch: kvCacheContextPatch,
  },
  {
    ...NO_KV_MEMORY,
    id: 'no-kv-cache-memory',
    priority: 100,
    patterns: [
      /No available memory for the cache blocks/i,
      // vLLM ≥ 0.1x with --max-model-len -1 (kv_cache_utils.py `_auto_fit_max_model_len`).
      /Cannot auto-fit max_model_len: not enough GPU memory available/i,
    ],
  },
  {
    // The profiler's own report; the ValueError that follows is the better line to quote, hence the lower rank.
    ...NO_KV_MEMORY,
    id: 'negative-kv-cache-memory',
    priority: 60,
    patterns: [/Available KV cache memory: -\d/i],
  },
  {
    id: 'gpu-memory-in-use',
    category: 'gpu_memory_in_use',
    phase: 'launch',
    priority: 100,
    severity: 'error',
    patterns: [/is less than desired GPU memory utilization/i, /Error in memory profiling/i],
    title: 'Another program is already using GPU memory',
    explanation:
      'At start-up vLLM checks that the share of GPU memory it was told to use (--gpu-memory-utilization) is ' +
      'free. Less was free, usually because another process holds GPU memory: often an earlier vLLM engine ' +
      'that did not exit, or a second model on the same GPU.',
    fix:
      'Stop the other process (see nvidia-smi; kill a leftover vLLM EngineCore), or relaunch with a ' +
      '--gpu-memory-utilization below the free share of the GPU.',
    patch: freeMemorySharePatch,
  },
  {
    id: 'cuda-oom-sampler-warmup',
    category: 'cuda_oom',
    phase: 'launch',
    priority: 90,
    severity: 'error',
    patterns: [/CUDA out of memory occurred when warming up sampler/i],
    title: 'The GPU ran out of memory while preparing for many parallel requests',
    explanation:
      'After reserving the KV cache, vLLM test-runs its sampler with as many requests as --max-num-seqs allows. ' +
      'That test needed more memory than was left on the GPU.',
    fix:
      'Relaunch with a smaller --max-num-seqs (for example 64 or 128), or a slightly lower ' +
      '--gpu-memory-utilization so some memory stays free.',
    patch: fewerSequencesPatch,
  },
  {
    id: 'cuda-oom',
    category: 'cuda_oom',
    phase: 'launch',
    priority: 85,
    severity: 'error',
    patterns: [
      // Not any OutOfMemoryError: Ray raises one when the host runs out of RAM.
      /(?:torch|cuda)\.OutOfMemoryError\b|OutOfMemoryError: (?:CUDA|HIP)/,
      /CUDA out of memory\. Tried to allocate/i,
      /(?:Error|error):\s*CUDA out of memory/,
      /CUDA error: out of memory/i,
      /(?:HIP|XPU) out of memory\. Tried to allocate/i,
      /hipErrorOutOfMemory|UR_RESULT_ERROR_OUT_OF_DEVICE_MEMORY/,
      /cudaErrorMemoryAllocation|CUDA_ERROR_OUT_OF_MEMORY|CUBLAS_STATUS_ALLOC_FAILED/,
      /Cuda (?:failure|error)\b.{0,160}'out of memory'/i,
    ],
    title: 'The GPU ran out of memory',
    explanation:
      'A GPU memory allocation failed. If it happened while loading the weights, the model is too big for this ' +
      'GPU; if it happened later (profiling, CUDA graph capture), the context length, the number of parallel ' +
      'requests or the image size need more memory than is left.',
    fix:
      'Use a smaller or quantized model, or more GPUs (--tensor-parallel-size). If the weights did load, lower ' +
      '--max-model-len, --max-num-seqs and the images per prompt (e.g. --limit-mm-per-prompt \'{"image":1}\'), ' +
      'try --enforce-eager, and keep --gpu-memory-utilization a little lower to leave headroom.',
  },
];
