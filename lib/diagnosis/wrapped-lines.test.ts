import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose';
import { joinWrappedLines } from './wrapped-lines';

describe('joinWrappedLines', () => {
  // vLLM's OOM line as an 80-column terminal wrapped it, mid-word.
  const wrapped = [
    '(EngineCore_DP0 pid=7) ERROR 11-27 10:00:05 [core.py:700] torch.OutOfMemoryError: CU',
    'DA out of memory. Tried to allocate 2.00 GiB.',
    '(APIServer pid=1) RuntimeError: Engine core initialization failed. See root cause above.',
  ];

  it('joins a continuation onto the record it belongs to, keeping the first index', () => {
    expect(joinWrappedLines(wrapped).map((l) => l.index)).toEqual([0, 2]);
    expect(joinWrappedLines(wrapped)[0]?.text).toContain('torch.OutOfMemoryError: CUDA out of memory.');
  });

  it('puts back the space a copy trimmed after punctuation', () => {
    const lines = [
      "ValueError: To serve at least one request with the model's max seq len (250000), 3.19 GiB KV cache is needed,",
      'which is larger than the available KV cache memory (0.01 GiB). Based on the available memory, the estimated',
      'maximum model length is 256.',
    ];
    const [joined] = joinWrappedLines(lines);
    expect(joined?.text).toContain('is needed, which is larger');
    expect(joined?.text).toContain('the estimated maximum model length is 256.');
    expect(diagnose(lines.join('\n'))?.category).toBe('kv_cache_too_small');
  });

  it('joins a break before punctuation directly', () => {
    const [, joined] = joinWrappedLines([
      'load_tensors: loading model tensors, this can take a while... (mmap = true, direct_io = false)',
      'ggml_backend_cuda_buffer_type_alloc_buffer: allocating 144817.04 MiB on device 0: cudaMalloc failed',
      ': out of memory',
    ]);
    expect(joined?.text).toContain('cudaMalloc failed: out of memory');
  });

  it('never joins a new record, an indented frame or a short line', () => {
    const lines = [
      '(EngineCore_DP0 pid=7) ERROR 11-27 10:00:05 [core.py:700] Traceback (most recent call last):',
      '  File "/x/vllm/v1/engine/core.py", line 10, in run_engine_core',
      'short line',
      'continues nothing',
    ];
    expect(joinWrappedLines(lines)).toHaveLength(4);
  });

  it('quotes the whole record, not its first screen line', () => {
    const result = diagnose(wrapped.join('\n'));
    expect(result?.category).toBe('cuda_oom');
    expect(result?.line.text).toContain('Tried to allocate 2.00 GiB');
  });
});
