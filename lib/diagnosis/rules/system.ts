// Machine-side failures: ports, disk, shared memory and worker processes, and the compilers that kernels built
// at start-up need.
import { eagerModePatch, nextPortPatch } from '../patches';
import type { DiagnosisRule } from '../types';

/** Failures vLLM and SGLang share (both are Python servers on PyTorch, transformers and the Hub). */
const PY_ENGINES = ['vllm', 'sglang'] as const;

const PORT_TAKEN = {
  engines: PY_ENGINES,
  category: 'port_in_use',
  phase: 'launch',
  severity: 'error',
  title: 'The port is already in use',
  explanation:
    'Another process already listens on the port {engine} tried to open, often an earlier {engine} server that is ' +
    'still running.',
  fix: 'Stop the old server (find it with `lsof -i :PORT` or `ss -ltnp`), or relaunch on another port with --port.',
} as const;

const DISK_FULL = {
  engines: PY_ENGINES,
  category: 'disk_full',
  phase: 'launch',
  title: 'The disk is full',
  fix:
    'Free disk space (check with df -h) or point the Hugging Face cache (HF_HOME) or --download-dir at a larger ' +
    'disk, delete partly downloaded files, and relaunch.',
} as const;

export const SYSTEM_RULES: readonly DiagnosisRule[] = [
  {
    ...PORT_TAKEN,
    id: 'http-port-in-use',
    priority: 95,
    patterns: [/error while attempting to bind on address/i],
    patch: nextPortPatch,
  },
  {
    ...PORT_TAKEN,
    id: 'internal-port-in-use',
    engines: ['vllm'],
    priority: 92,
    patterns: [
      /server socket has failed to listen on any local network address/i,
      /EADDRINUSE/,
      /ZMQError: Address already in use/i,
    ],
    title: 'An internal vLLM port is already in use',
    explanation:
      "vLLM's processes talk to each other over extra local ports (torch.distributed, ZeroMQ). One of them was " +
      'taken, usually by processes left over from an earlier crashed run, or by several instances sharing ' +
      'VLLM_PORT or MASTER_PORT. Changing --port does not help.',
    fix:
      'Kill leftover vLLM/python worker processes (see nvidia-smi and ps), unset VLLM_PORT/MASTER_PORT or give ' +
      'each instance its own, then relaunch.',
  },
  {
    ...PORT_TAKEN,
    id: 'port-in-use',
    priority: 85,
    patterns: [/Address already in use/i, /\[Errno (?:98|48)\]/],
  },
  {
    ...DISK_FULL,
    id: 'disk-full',
    priority: 90,
    severity: 'error',
    patterns: [/No space left on device/i, /\[Errno 28\]|os error 28/i, /Disk quota exceeded|\[Errno 122\]/i],
    explanation:
      'Writing a file failed because the disk (or your quota) is full, typically while downloading the model ' +
      'weights into the Hugging Face cache or writing the compile cache.',
  },
  {
    ...DISK_FULL,
    id: 'disk-space-low',
    // Only a warning from huggingface_hub, but the download then fails or leaves truncated files.
    priority: 70,
    severity: 'warning',
    patterns: [/Not enough free disk space to download the file/i, /is over \d+% full/i],
    title: 'Not enough disk space for the model download',
    explanation:
      'The model files are larger than the free space where they are being downloaded; the download will fail ' +
      'or leave damaged files behind.',
  },
  {
    id: 'shared-memory-too-small',
    engines: PY_ENGINES,
    category: 'shm_multiproc',
    phase: 'launch',
    // Outranks disk_full: a full /dev/shm also says "No space left on device".
    priority: 93,
    severity: 'error',
    patterns: [
      /Error while creating shared memory segment/i,
      /\/dev\/shm\b.{0,200}(?:no space|fail|error|cannot|unable|insufficient|too small)/i,
      /(?:no space|fail|error|cannot|unable|insufficient)[^/]{0,200}\/dev\/shm/i,
      /\bBus error\b/,
      /posix_fallocate failed/i,
      /insufficient shared memory/i,
      /unable to (?:write to|open|mmap|allocate).{0,40}<\/torch_/i,
    ],
    title: 'Not enough shared memory (/dev/shm) for the worker processes',
    explanation:
      "{engine}'s worker processes (and NCCL, with several GPUs) exchange data through shared memory in /dev/shm. " +
      'Containers get only 64 MB there by default, far too little.',
    fix:
      'Start the container with --ipc=host or a larger --shm-size (e.g. 16g); on Kubernetes mount an emptyDir ' +
      'with medium: Memory at /dev/shm.',
  },
  {
    id: 'worker-start-method',
    category: 'shm_multiproc',
    phase: 'launch',
    priority: 90,
    severity: 'error',
    patterns: [
      /An attempt has been made to start a new process before/i,
      /Cannot re-initialize CUDA in forked subprocess/i,
    ],
    title: 'The worker processes could not be started',
    explanation:
      "vLLM starts workers with Python's 'spawn' method, which re-imports the main script. A script that " +
      "creates the engine at import time (without an `if __name__ == '__main__':` guard), or CUDA being " +
      'initialised before the workers were forked, breaks this.',
    fix:
      "Run the model with `vllm serve` (as this app does) or put LLM(...) under `if __name__ == '__main__':`; " +
      'set VLLM_WORKER_MULTIPROC_METHOD=spawn if CUDA is initialised before the workers start.',
  },
  {
    id: 'c-toolchain-missing',
    category: 'compile_toolchain',
    phase: 'launch',
    priority: 90,
    severity: 'error',
    patterns: [
      /Failed to find C compiler/i,
      /Python\.h: No such file or directory/i,
      /cannot find -lcuda\b/i,
      /collect2: error: ld returned/i,
      /command '[\w/.+-]*(?:gcc|g\+\+|cc|nvcc)' failed/i,
      /\b(?:gcc|g\+\+|cc|nvcc): (?:command )?not found/i,
      /nvcc fatal/i,
      /OSError: CUDA_HOME environment variable is not set/i,
    ],
    title: 'Building GPU kernels failed: build tools are missing',
    explanation:
      'vLLM compiles some GPU kernels on first start (Triton, torch.compile, FlashInfer). That needs a C ' +
      'compiler, the Python headers and the CUDA driver library on the linker path, and one of them is missing.',
    fix:
      'Install a C compiler and the Python headers (apt-get install build-essential python3-dev). For "cannot ' +
      'find -lcuda" link libcuda.so.1 to libcuda.so (then ldconfig) or set TRITON_LIBCUDA_PATH. ' +
      '--enforce-eager avoids some of these compile steps.',
  },
  {
    id: 'kernel-build-failed',
    category: 'compile_toolchain',
    phase: 'launch',
    priority: 85,
    severity: 'error',
    patterns: [
      /CalledProcessError: Command '\['ninja'/i,
      /ninja: build stopped: subcommand failed/i,
      /Error building extension/i,
    ],
    title: 'Building a GPU kernel at start-up failed',
    explanation:
      'A kernel library (usually FlashInfer) tried to compile its GPU code on this machine and the build ' +
      'failed, most often because the CUDA toolkit (nvcc) is missing or does not match PyTorch.',
    fix:
      "Install a CUDA toolkit matching PyTorch's CUDA version or a prebuilt FlashInfer wheel, clear the JIT cache " +
      '(~/.cache/flashinfer), or switch the FlashInfer sampler off with VLLM_USE_FLASHINFER_SAMPLER=0.',
  },
  {
    id: 'torch-compile-failed',
    category: 'compile_toolchain',
    phase: 'launch',
    priority: 80,
    severity: 'error',
    patterns: [/BackendCompilerFailed/, /InductorError/, /triton\.compiler\.errors\.CompilationError/],
    title: 'Compiling the model with torch.compile failed',
    explanation:
      'vLLM compiles the model with torch.compile (Inductor and Triton) at start-up, and that compilation ' +
      'failed, usually because of a missing compiler or a torch/triton version mismatch.',
    fix:
      'Relaunch with --enforce-eager to skip compilation (slower decoding), and check that the C compiler and ' +
      'the triton version pinned by your PyTorch are installed.',
    patch: eagerModePatch,
  },
];
