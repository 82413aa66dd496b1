// SGLang's launch failures in its own words (python/sglang/srt: model_runner, scheduler, utils), with SGLang's
// own fixes: --mem-fraction-static, --context-length, --cuda-graph-max-bs, never vLLM's flags. Failures SGLang
// shares with vLLM (Hugging Face downloads, uvicorn's port, transformers) are rules of both engines elsewhere.
import { memorySharePatch } from '../patches';
import type { DiagnosisRule } from '../types';

const SGLANG = { engines: ['sglang'], phase: 'launch', severity: 'error' } as const;

export const SGLANG_RULES: readonly DiagnosisRule[] = [
  {
    ...SGLANG,
    id: 'sglang-not-enough-memory',
    category: 'no_kv_cache_memory',
    priority: 100,
    patterns: [/Not enough memory\. Please try to increase --mem-fraction-static/i],
    title: 'No GPU memory is left for the KV cache',
    explanation:
      'After loading the weights SGLang had no room left for its KV cache pool within the share of GPU memory ' +
      'it may use (--mem-fraction-static): the model nearly fills the GPU.',
    fix:
      'Raise --mem-fraction-static (e.g. 0.9), use a smaller or quantized model, or more GPUs (--tp 2). If a ' +
      'higher value then runs out of memory, shorten --context-length and lower --cuda-graph-max-bs.',
    patch: () => memorySharePatch(0.9),
  },
  {
    ...SGLANG,
    id: 'sglang-cuda-graph-oom',
    category: 'cuda_oom',
    priority: 90,
    patterns: [/Capture cuda graph failed: CUDA out of memory/i],
    title: 'The GPU ran out of memory while SGLang captured CUDA graphs',
    explanation:
      'SGLang reserves GPU memory for the weights and the KV cache (--mem-fraction-static), then captures CUDA ' +
      'graphs in what is left; too little was left.',
    fix:
      'Lower --mem-fraction-static (e.g. 0.8 or 0.7), lower --cuda-graph-max-bs (e.g. 16), or as a last resort ' +
      '--disable-cuda-graph.',
  },
  {
    ...SGLANG,
    id: 'sglang-cuda-graph-failed',
    category: 'compile_toolchain',
    // Below the OOM rules: a capture that ran out of memory is the memory problem.
    priority: 70,
    patterns: [/Capture cuda graph failed/i],
    title: 'Capturing CUDA graphs failed',
    explanation:
      "At start-up SGLang records the model's GPU work as CUDA graphs. A kernel failed while being recorded " +
      '(a custom all-reduce, an attention backend or torch.compile that does not support this setup).',
    fix:
      'Relaunch with --disable-cuda-graph to confirm (slower decoding), then try a lower --cuda-graph-max-bs, ' +
      'another --attention-backend, without --enable-torch-compile, or --disable-custom-all-reduce.',
  },
  {
    ...SGLANG,
    id: 'sglang-cuda-oom',
    category: 'cuda_oom',
    priority: 85,
    patterns: [
      /(?:torch|cuda)\.OutOfMemoryError\b|OutOfMemoryError: (?:CUDA|HIP)/,
      /CUDA out of memory\. Tried to allocate/i,
      /CUDA error: out of memory/i,
    ],
    title: 'The GPU ran out of memory',
    explanation:
      'A GPU memory allocation failed: the weights do not fit, or the KV cache pool and the working memory ' +
      'SGLang needs next to it do not fit together in what the GPU has free.',
    fix:
      'Use a smaller or quantized model, or more GPUs (--tp). If the weights loaded, lower --mem-fraction-static ' +
      '(e.g. 0.8), shorten --context-length and lower --chunked-prefill-size; check nvidia-smi for other programs.',
  },
  {
    ...SGLANG,
    id: 'sglang-memory-unbalanced',
    category: 'gpu_memory_in_use',
    priority: 95,
    patterns: [/The memory capacity is unbalanced\. Some GPUs may be occupied by other processes/i],
    title: 'Another program is already using GPU memory',
    explanation:
      'SGLang found less free memory on some GPUs than on others: another process holds memory there.',
    fix: 'Stop the other processes on those GPUs (see nvidia-smi), or pick free GPUs with CUDA_VISIBLE_DEVICES.',
  },
  {
    ...SGLANG,
    id: 'sglang-port-in-use',
    category: 'port_in_use',
    priority: 92,
    patterns: [/\w*port at \d+ is not available in \d+ seconds/i],
    title: 'A port SGLang needs is already in use',
    explanation:
      'SGLang waited for one of its ports (the HTTP port, the metrics port or an internal one) and another ' +
      'process, usually an earlier SGLang server that did not exit, kept holding it.',
    fix: 'Stop the old SGLang processes (ps aux | grep sglang), or relaunch on another --port.',
  },
];
