// Each engine's failures get that engine's fix; the engine comes from the launch or from the log's wording.
// Inputs are the engines' own messages (llama.cpp common/arg.cpp and tools/server, SGLang srt/utils.py,
// vLLM v1/core/kv_cache_utils.py and v1/worker/gpu_worker.py at their current wording).
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose';
import { EngineGuess, engineFamilyOf } from './engine-guess';

describe('engine of a log', () => {
  it('maps launch kinds to the engine whose rules apply; external servers are guessed', () => {
    expect(engineFamilyOf('vllm')).toBe('vllm');
    expect(engineFamilyOf('demo')).toBe('vllm');
    expect(engineFamilyOf('sglang')).toBe('sglang');
    expect(engineFamilyOf('llama-cpp')).toBe('llama-cpp');
    expect(engineFamilyOf('external')).toBeUndefined();
  });

  it('guesses from wording, vLLM when nothing says otherwise', () => {
    const guess = (lines: string[]) => {
      const g = new EngineGuess();
      for (const line of lines) g.push(line);
      return g.result();
    };
    expect(guess(['load_tensors: offloading 28 repeating layers to GPU'])).toBe('llama-cpp');
    expect(guess(['[2025-03-29 18:18:34 TP0] Load weight end.'])).toBe('sglang');
    expect(
      guess(['(APIServer pid=1) INFO 01-01 00:00:00 [api_server.py:1] vLLM API server version 0.20.1']),
    ).toBe('vllm');
    expect(guess(['OSError: [Errno 28] No space left on device'])).toBe('vllm');
  });
});

describe('the engine decides the fix', () => {
  const oom = 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.';

  it("gives the same torch OOM vLLM's fix for vLLM and SGLang's for SGLang", () => {
    expect(diagnose(oom, { engine: 'vllm' })?.fix).toContain('--gpu-memory-utilization');
    const sglang = diagnose(oom, { engine: 'sglang' });
    expect(sglang?.category).toBe('cuda_oom');
    expect(sglang?.fix).toContain('--mem-fraction-static');
    expect(sglang?.fix).not.toContain('--gpu-memory-utilization');
  });

  it('names the engine in rules both Python engines share', () => {
    const gated = 'huggingface_hub.errors.GatedRepoError: 401 Client Error.';
    expect(diagnose(gated, { engine: 'sglang' })?.fix).toContain('pass it to SGLang');
    expect(diagnose(gated, { engine: 'vllm' })?.fix).toContain('pass it to vLLM');
    // llama.cpp downloads with its own client: the Python rule does not speak for it.
    expect(diagnose(gated, { engine: 'llama-cpp' })).toBeNull();
  });

  it("reads llama.cpp's -hf refusals and its port error", () => {
    const gated = diagnose(
      'error: model is private or does not exist; if you are accessing a gated model, please provide a valid HF token',
      { engine: 'llama-cpp' },
    );
    expect(gated?.ruleId).toBe('llama-cpp-hf-download');
    expect(gated?.fix).toContain('HF_TOKEN');
    expect(
      diagnose("main: couldn't bind HTTP server socket, hostname: 127.0.0.1, port: 8080", {
        engine: 'llama-cpp',
      })?.category,
    ).toBe('port_in_use');
  });

  it("reads SGLang's port wait and KV-pool errors", () => {
    expect(
      diagnose('ValueError: port at 30000 is not available in 30 seconds.', { engine: 'sglang' })?.ruleId,
    ).toBe('sglang-port-in-use');
    const kv = diagnose('RuntimeError: Not enough memory. Please try to increase --mem-fraction-static.', {
      engine: 'sglang',
    });
    expect(kv?.category).toBe('no_kv_cache_memory');
    expect(kv?.patch?.options).toEqual({ gpuMemoryUtilization: 0.9 });
  });
});

describe("vLLM's current wording", () => {
  it('knows the auto-fit failure of --max-model-len -1', () => {
    const text =
      'ValueError: Cannot auto-fit max_model_len: not enough GPU memory available to serve even a single token. ' +
      'Try increasing `gpu_memory_utilization`.';
    expect(diagnose(text)?.category).toBe('no_kv_cache_memory');
  });

  it('reads the free-memory check that now names the device', () => {
    const result = diagnose(
      '(EngineCore pid=253) ValueError: Free memory on device cuda:0 (12.18/23.56 GiB) on startup is less than ' +
        'desired GPU memory utilization (0.92, 21.67 GiB). Decrease GPU memory utilization or reduce GPU memory ' +
        'used by other processes.',
    );
    expect(result?.category).toBe('gpu_memory_in_use');
    expect(result?.patch?.options).toEqual({ gpuMemoryUtilization: 0.49 });
  });
});
