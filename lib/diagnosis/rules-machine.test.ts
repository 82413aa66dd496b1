// Hand-written excerpts for machine-side failures (memory, GPU, drivers, ports, disk, shared memory, compilers),
// in the wording of vLLM, PyTorch, CUDA and NCCL versions other than those in the shared fixture file.
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose';
import type { DiagnoseOptions, DiagnosisCategory, LaunchOptionPatch } from './types';

interface Case {
  name: string;
  category: DiagnosisCategory;
  log: string[];
  /** A piece of the line the diagnosis must quote. */
  quote: string;
  patch?: LaunchOptionPatch;
  options?: DiagnoseOptions;
}

const WRAPPER = [
  '(APIServer pid=7) Traceback (most recent call last):',
  '(APIServer pid=7)   File "/usr/local/lib/python3.12/dist-packages/vllm/v1/engine/utils.py", line 923, in wait_for_engine_startup',
  '(APIServer pid=7) RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
];

const CASES: Case[] = [
  {
    name: 'V0 profiling OOM (torch.cuda.OutOfMemoryError)',
    category: 'cuda_oom',
    log: [
      'INFO 05-02 10:11:12 model_runner.py:146] Loading model weights took 13.9 GB',
      'Traceback (most recent call last):',
      '  File "/opt/vllm/vllm/worker/model_runner.py", line 1014, in profile_run',
      'torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 3.00 GiB. GPU 0 has a total capacity of 21.96 GiB of which 1.02 GiB is free.',
    ],
    quote: 'torch.cuda.OutOfMemoryError: CUDA out of memory',
  },
  {
    name: 'CUDA error: out of memory during graph capture, then the wrapper',
    category: 'cuda_oom',
    log: [
      '(EngineCore_DP0 pid=311) ERROR 02-11 09:30:01 [core.py:843] RuntimeError: CUDA error: out of memory',
      '(EngineCore_DP0 pid=311) ERROR 02-11 09:30:01 [core.py:843] CUDA kernel errors might be asynchronously reported at some other API call.',
      ...WRAPPER,
    ],
    quote: 'RuntimeError: CUDA error: out of memory',
  },
  {
    name: 'NCCL reports a CUDA allocation failure',
    category: 'cuda_oom',
    log: ["gpu-node:4411:4502 [1] NCCL WARN Cuda failure 'out of memory'"],
    quote: "Cuda failure 'out of memory'",
  },
  {
    name: 'KV cache too small with an estimate',
    category: 'kv_cache_too_small',
    log: [
      "(EngineCore_DP0 pid=1) ValueError: To serve at least one request with the model's max seq len (131072), (7.00 GiB KV cache is needed, which is larger than the available KV cache memory (1.31 GiB). Based on the available memory, the estimated maximum model length is 24576. Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.",
    ],
    quote: 'estimated maximum model length is 24576',
    patch: { maxModelLen: 24576 },
  },
  {
    name: 'KV cache too small, early V1 wording without an estimate',
    category: 'kv_cache_too_small',
    log: [
      "ERROR 03-01 08:00:00 [core.py:343] ValueError: To serve at least one request with the models's max seq len (131072), (20.00 GiB KV cache is needed, which is larger than the available KV cache memory (8.50 GiB). Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.",
    ],
    quote: 'larger than the available KV cache memory',
    patch: { maxModelLen: 55296 },
  },
  {
    name: 'no KV cache memory in a systemd journal',
    category: 'no_kv_cache_memory',
    log: [
      'Aug 17 18:42:18 gpu-box vllm[8052]: (EngineCore pid=8100) ValueError: No available memory for the cache blocks. Try increasing `gpu_memory_utilization` when initializing the engine.',
      'Aug 17 18:42:19 gpu-box vllm[8052]: (APIServer pid=8052) RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
    ],
    quote: 'ValueError: No available memory',
  },
  {
    name: 'no KV cache memory on a Ray worker',
    category: 'no_kv_cache_memory',
    log: [
      '(RayWorkerWrapper pid=5120, ip=10.0.0.7) INFO 11-02 12:00:00 worker.py:240] Memory profiling takes 6.1 seconds',
      'ValueError: No available memory for the cache blocks. Try increasing `gpu_memory_utilization` when initializing the engine.',
    ],
    quote: 'No available memory for the cache blocks',
    patch: { gpuMemoryUtilization: 0.95 },
  },
  {
    name: 'free memory check, 2026 wording with the device name',
    category: 'gpu_memory_in_use',
    log: [
      '(EngineCore pid=88) ERROR 04-02 10:00:00 [gpu_worker.py:255] ValueError: Free memory on device cuda:0 (17.5/22.03 GiB) on startup is less than desired GPU memory utilization (0.9, 19.83 GiB). Decrease GPU memory utilization or reduce GPU memory used by other processes.',
    ],
    quote: 'is less than desired GPU memory utilization',
    patch: { gpuMemoryUtilization: 0.77 },
  },
  {
    name: 'V0 memory profiling assertion',
    category: 'gpu_memory_in_use',
    log: [
      'AssertionError: Error in memory profiling. Initial free memory 20.1 GiB, current free memory 21.3 GiB. This happens when the GPU memory was not properly cleaned up before initializing the vLLM instance.',
    ],
    quote: 'Error in memory profiling',
  },
  {
    name: 'no GPU in a docker compose service',
    category: 'no_gpu_or_driver',
    log: ['vllm-1  | RuntimeError: No CUDA GPUs are available'],
    quote: 'RuntimeError: No CUDA GPUs are available',
  },
  {
    name: 'no NVIDIA driver',
    category: 'no_gpu_or_driver',
    log: [
      'RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx',
    ],
    quote: 'Found no NVIDIA driver',
  },
  {
    name: 'driver too old for a CUDA 13 wheel',
    category: 'no_gpu_or_driver',
    log: [
      '(EngineCore pid=40) RuntimeError: The NVIDIA driver on your system is too old (found version 12080). Please update your GPU driver by downloading and installing a new version from the URL: http://www.nvidia.com/Download/index.aspx',
    ],
    quote: 'driver on your system is too old',
  },
  {
    name: 'vLLM compiled against another torch',
    category: 'torch_cuda_mismatch',
    log: [
      'ImportError: /usr/local/lib/python3.10/dist-packages/vllm/_C.abi3.so: undefined symbol: _ZN3c106detail14torchCheckFailEPKcS2_jRKSs',
    ],
    quote: 'undefined symbol',
  },
  {
    name: 'missing CUDA runtime library',
    category: 'torch_cuda_mismatch',
    log: ['ImportError: libcudart.so.12: cannot open shared object file: No such file or directory'],
    quote: 'libcudart.so.12',
  },
  {
    name: 'torchvision built for another torch',
    category: 'torch_cuda_mismatch',
    log: ['RuntimeError: operator torchvision::nms does not exist'],
    quote: 'torchvision::nms',
  },
  {
    name: 'bfloat16 on a T4',
    category: 'unsupported_gpu_arch',
    log: [
      'ValueError: Bfloat16 is only supported on GPUs with compute capability of at least 8.0. Your Tesla T4 GPU has compute capability 7.5. You can use float16 instead by explicitly setting the `dtype` flag in CLI, for example: --dtype=half.',
    ],
    quote: 'Bfloat16 is only supported',
    patch: { dtype: 'half' },
  },
  {
    name: 'quantization kernel needs a newer GPU',
    category: 'unsupported_gpu_arch',
    log: [
      'ValueError: The quantization method compressed-tensors is not supported for the current GPU. Minimum capability: 80. Current capability: 75.',
    ],
    quote: 'Minimum capability: 80',
  },
  {
    name: 'HTTP port taken, V1 socket binding',
    category: 'port_in_use',
    log: [
      '(APIServer pid=12) Traceback (most recent call last):',
      '(APIServer pid=12)   File "/usr/local/lib/python3.12/dist-packages/vllm/entrypoints/openai/api_server.py", line 1804, in create_server_socket',
      '(APIServer pid=12)     sock.bind(addr)',
      '(APIServer pid=12) OSError: [Errno 98] Address already in use',
    ],
    quote: 'OSError: [Errno 98] Address already in use',
  },
  {
    name: 'disk full while downloading',
    category: 'disk_full',
    log: ['OSError: [Errno 28] No space left on device'],
    quote: 'No space left on device',
  },
  {
    name: 'disk full in the Xet downloader',
    category: 'disk_full',
    log: [
      'RuntimeError: Data processing error: CAS service error : IO Error: No space left on device (os error 28)',
    ],
    quote: 'os error 28',
  },
  {
    name: 'NCCL cannot grow /dev/shm in docker compose',
    category: 'shm_multiproc',
    log: [
      'vllm-1  | (VllmWorker rank=0 pid=98) gpu-node:98:120 [0] NCCL WARN Error: failed to extend /dev/shm/nccl-2ZL4pV to 9637892 bytes',
    ],
    quote: 'failed to extend /dev/shm',
  },
  {
    name: 'PyTorch shared-memory file on a full /dev/shm',
    category: 'shm_multiproc',
    log: ['RuntimeError: unable to write to file </torch_812_2741829153_0>: No space left on device (28)'],
    quote: '</torch_',
  },
  {
    name: 'bus error from a too small /dev/shm',
    category: 'shm_multiproc',
    log: [
      '/entrypoint.sh: line 12:    17 Bus error               (core dumped) vllm serve Qwen/Qwen2-VL-7B-Instruct',
    ],
    quote: 'Bus error',
  },
  {
    name: 'CUDA initialised before forking workers',
    category: 'shm_multiproc',
    log: [
      "RuntimeError: Cannot re-initialize CUDA in forked subprocess. To use CUDA with multiprocessing, you must use the 'spawn' start method",
    ],
    quote: 'Cannot re-initialize CUDA',
  },
  {
    name: 'Triton finds no C compiler',
    category: 'compile_toolchain',
    log: ['RuntimeError: Failed to find C compiler. Please specify via CC environment variable.'],
    quote: 'Failed to find C compiler',
  },
  {
    name: 'missing Python headers',
    category: 'compile_toolchain',
    log: ['/tmp/tmpq1w2e3/main.c:5:10: fatal error: Python.h: No such file or directory'],
    quote: 'Python.h',
  },
  {
    name: 'torch.compile backend failure',
    category: 'compile_toolchain',
    log: [
      "torch._dynamo.exc.BackendCompilerFailed: backend='<vllm.compilation.backends.VllmBackend object at 0x7f2>' raised:",
    ],
    quote: 'BackendCompilerFailed',
    patch: { enforceEager: true },
  },
];

describe('hand-written excerpts: machine', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = diagnose(c.log.join('\n'), c.options);
    expect(result?.category).toBe(c.category);
    expect(result?.line.text).toContain(c.quote);
    expect(c.log[result?.line.index ?? -1]).toContain(c.quote);
    if (c.patch) expect(result?.patch?.options).toEqual(c.patch);
  });

  it('has an excerpt for each of its categories', () => {
    expect(new Set(CASES.map((c) => c.category))).toEqual(
      new Set([
        'compile_toolchain',
        'cuda_oom',
        'disk_full',
        'gpu_memory_in_use',
        'kv_cache_too_small',
        'no_gpu_or_driver',
        'no_kv_cache_memory',
        'port_in_use',
        'shm_multiproc',
        'torch_cuda_mismatch',
        'unsupported_gpu_arch',
      ]),
    );
  });
});
