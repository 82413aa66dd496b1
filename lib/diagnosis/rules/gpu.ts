// GPU, driver and build compatibility: no usable GPU, a driver older than the CUDA build, PyTorch/vLLM builds
// that do not match each other or the GPU, and features the GPU generation lacks.
import { eagerModePatch, halfPrecisionPatch } from '../patches';
import type { DiagnosisRule } from '../types';

export const GPU_RULES: readonly DiagnosisRule[] = [
  {
    id: 'driver-too-old',
    category: 'no_gpu_or_driver',
    phase: 'launch',
    // Outranks the "undefined symbol" it causes when vLLM's CUDA 12 kernels meet an old driver.
    priority: 97,
    severity: 'error',
    patterns: [
      /NVIDIA driver on your system is too old/i,
      /CUDA driver version is insufficient for CUDA runtime version/i,
      /forward compatibility was attempted on non supported HW/i,
      /provided PTX was compiled with an unsupported toolchain/i,
    ],
    title: 'The NVIDIA driver is too old for the installed PyTorch/vLLM',
    explanation:
      'The installed PyTorch and vLLM were built for a newer CUDA version than the NVIDIA driver of this ' +
      'machine supports, so CUDA cannot start.',
    fix:
      'Upgrade the NVIDIA driver, or install PyTorch/vLLM wheels built for the CUDA version the driver supports ' +
      '(see "CUDA Version" in nvidia-smi; e.g. the cu128/cu129 wheels instead of a CUDA 13 build).',
  },
  {
    id: 'no-gpu',
    category: 'no_gpu_or_driver',
    phase: 'launch',
    priority: 95,
    severity: 'error',
    patterns: [
      /Failed to infer device type/i,
      /No platform detected, vLLM is running on UnspecifiedPlatform/i,
      /Cannot access accelerator device when none is available/i,
      /No CUDA GPUs are available/i,
      /Found no NVIDIA driver on your system/i,
      /CUDA driver initialization failed/i,
      /Unexpected error from cudaGetDeviceCount/i,
      /CUDA unknown error - this may be due to an incorrectly set up environment/i,
      /no CUDA-capable device is detected|cudaErrorNoDevice/i,
      /libcuda\.so(?:\.1)?: cannot open shared object file/i,
      /NVIDIA-SMI has failed because it couldn'?t communicate with the NVIDIA driver/i,
      /could not select device driver .{0,20} with capabilities: \[\[gpu\]\]/i,
    ],
    title: 'vLLM cannot find a usable GPU',
    explanation:
      'PyTorch could not start CUDA, so vLLM has no GPU to run on: the machine has no GPU attached (for example ' +
      'a CPU-only Colab runtime), the NVIDIA driver is missing or broken, or a container was started without ' +
      'GPU access.',
    fix:
      'Check that nvidia-smi works in the same environment. On Colab pick a GPU runtime; in Docker pass ' +
      '--gpus all (with the NVIDIA container toolkit installed); make sure CUDA_VISIBLE_DEVICES is not empty ' +
      'or wrong.',
  },
  {
    id: 'no-kernel-image',
    category: 'torch_cuda_mismatch',
    phase: 'launch',
    priority: 90,
    severity: 'error',
    patterns: [
      /no kernel image is available for execution on the device/i,
      /(?:CUDA|HIP) error: invalid device function/i,
      // ROCm builds: the wheel has no code object for this gfx target.
      /hipErrorNoBinaryForGpu|Unable to find code object for all current devices/i,
    ],
    title: 'The installed PyTorch/vLLM has no GPU code for this GPU',
    explanation:
      "PyTorch or vLLM was compiled for other GPU generations than this one, so their GPU code can't run here. " +
      'This is typical for brand-new GPUs (e.g. RTX 50-series, sm_120) with older wheels.',
    fix:
      "Install PyTorch and vLLM builds that include this GPU's compute capability (for Blackwell: CUDA 12.8 or " +
      'newer wheels), use a newer vLLM image, or build vLLM from source against the installed PyTorch.',
  },
  {
    id: 'gpu-not-in-torch-build',
    category: 'torch_cuda_mismatch',
    phase: 'launch',
    // PyTorch only warns here; the "no kernel image" error that follows is the better line to quote.
    priority: 75,
    severity: 'error',
    patterns: [/with CUDA capability sm_\d+ is not compatible with the current PyTorch installation/i],
    title: 'The installed PyTorch does not support this GPU',
    explanation:
      "The installed PyTorch was compiled for other GPU generations than this one, so it can't run on it.",
    fix:
      "Install a PyTorch build (and a matching vLLM) that lists this GPU's sm_ version, e.g. the CUDA 12.8+ " +
      'wheels for RTX 50-series GPUs.',
  },
  {
    id: 'vllm-extension-abi',
    category: 'torch_cuda_mismatch',
    phase: 'launch',
    priority: 82,
    severity: 'error',
    patterns: [/vllm[\\/](?:_C|_moe_C|_flashmla_C|vllm_flash_attn[\\/]\w+)[\w.-]*\.so: undefined symbol/i],
    title: "vLLM's compiled extension does not match the installed PyTorch",
    explanation:
      'vLLM ships compiled kernels (vllm/_C*.so) built against one exact PyTorch release. A different PyTorch is ' +
      'installed (torch was upgraded or downgraded after vLLM, or vLLM was built from source against another ' +
      'torch), so the kernels refer to functions that PyTorch no longer has.',
    fix:
      'Reinstall vLLM so pip/uv installs the PyTorch it pins (pip install --force-reinstall vllm), in a fresh ' +
      'virtual environment; after building from source, rebuild against the torch now installed.',
  },
  {
    id: 'torch-build-mismatch',
    category: 'torch_cuda_mismatch',
    phase: 'launch',
    priority: 83,
    severity: 'error',
    // A vLLM built for ROCm (or CUDA) PyTorch next to the other build of torch: its extension cannot load.
    patterns: [/libtorch_(?:hip|cuda)\.so: cannot open shared object file/i],
    title: 'vLLM was built for another build of PyTorch (ROCm vs CUDA)',
    explanation:
      "vLLM's compiled extension links against the ROCm (HIP) or the CUDA build of PyTorch, and the PyTorch " +
      'installed here is the other one (or the CPU-only build), so the extension cannot load.',
    fix:
      'Install the PyTorch build this vLLM was made for (for AMD GPUs the ROCm wheels from ' +
      'download.pytorch.org/whl/rocmX.Y, or the vLLM ROCm image), or the vLLM build for the PyTorch you have.',
  },
  {
    id: 'cuda-runtime-missing',
    category: 'torch_cuda_mismatch',
    phase: 'launch',
    priority: 81,
    severity: 'error',
    patterns: [/libcudart\.so[.\d]*: cannot open shared object file/i],
    title: 'The CUDA runtime library vLLM was built for is not installed',
    explanation:
      'vLLM or one of its kernel libraries was built for a CUDA version (the number in libcudart.so.N) whose ' +
      'runtime library is not on this machine or not on the library path.',
    fix:
      'Install the vLLM and PyTorch wheels built for the same CUDA major version (pip pulls nvidia-cuda-runtime ' +
      'with them), or add the CUDA toolkit of that version to LD_LIBRARY_PATH.',
  },
  {
    id: 'cuda-graph-capture-failed',
    category: 'compile_toolchain',
    phase: 'launch',
    // Below cuda-oom: running out of memory during capture is the memory problem, not the capture.
    priority: 70,
    severity: 'error',
    patterns: [
      /operation not permitted when stream is capturing/i,
      /cudaErrorStreamCapture(?:Invalidated|Unsupported|Unmatched|Isolation)/,
      /operation failed due to a previous error during capture/i,
    ],
    title: 'Capturing CUDA graphs failed',
    explanation:
      "At start-up vLLM records the model's GPU work as CUDA graphs to make decoding fast. A kernel did something " +
      'that is not allowed while a graph is being recorded (often a custom or quantized kernel, or a kernel ' +
      'library that does not support this GPU), and the capture failed.',
    fix:
      'Relaunch with --enforce-eager (no CUDA graphs; slower decoding but it starts). If that works, try a ' +
      'newer vLLM or another attention backend before turning graphs back on.',
    patch: eagerModePatch,
  },
  {
    id: 'binary-mismatch',
    category: 'torch_cuda_mismatch',
    phase: 'launch',
    priority: 80,
    severity: 'error',
    patterns: [
      /undefined symbol/i,
      /libcudart\.so[.\d]*: cannot open shared object file/i,
      /lib(?:nvrtc|cublas|cublasLt|cudnn\w*|cusparse|cufft|curand|cusolver|nvJitLink)[.\w-]*\.so[.\d]*: cannot open shared object file/i,
      /No module named '?vllm\._C'?/,
      /Tried to instantiate class '_core_C\.\w+', but it does not exist/,
      /Torch not compiled with CUDA enabled/i,
      /operator torchvision::\w+ does not exist/i,
      /The detected CUDA version \([\d.]+\) mismatches the version that was used to compile PyTorch/i,
    ],
    title: 'PyTorch, CUDA and vLLM versions do not match',
    explanation:
      "vLLM's compiled parts were built against a different PyTorch or CUDA than the ones installed (often a " +
      'preinstalled PyTorch kept next to a new vLLM, or a CPU-only PyTorch), so a compiled library cannot load.',
    fix:
      'Install vLLM into a fresh virtual environment and let pip/uv install the exact PyTorch it pins; do not ' +
      'upgrade or downgrade torch on its own afterwards.',
  },
  {
    id: 'bfloat16-unsupported',
    category: 'unsupported_gpu_arch',
    phase: 'launch',
    priority: 95,
    severity: 'error',
    patterns: [/Bfloat16 is only supported on GPUs with compute capability of at least/i],
    title: 'This GPU cannot run the model in bfloat16',
    explanation:
      'The model is stored in bfloat16, which needs a GPU with compute capability 8.0 or newer (A100, L4, ' +
      'RTX 30-series and later). Older GPUs such as the T4 or V100 lack it.',
    fix: 'Relaunch with --dtype half (float16).',
    patch: halfPrecisionPatch,
  },
  {
    id: 'gpu-capability-too-low',
    category: 'unsupported_gpu_arch',
    phase: 'launch',
    priority: 90,
    severity: 'error',
    patterns: [
      /Minimum capability: \d+\.?\s*Current capability: \d+/i,
      /is not supported for the current GPU/i,
      /FlashAttention only supports (?:Ampere|Turing) GPUs or newer/i,
    ],
    title: 'This GPU is too old for a feature the model needs',
    explanation:
      'The quantization method or a GPU kernel the model needs requires a newer GPU generation (a higher compute ' +
      'capability) than this GPU has.',
    fix:
      'Use a checkpoint whose quantization this GPU supports (e.g. AWQ or GPTQ instead of FP8 on older GPUs), ' +
      'run on a newer GPU, or try a newer vLLM that adds fallback kernels.',
  },
  {
    id: 'gpu-shared-memory-too-small',
    category: 'unsupported_gpu_arch',
    phase: 'launch',
    priority: 55,
    severity: 'error',
    patterns: [/OutOfResources: out of resource: shared memory/i],
    title: 'A GPU kernel needs more on-chip memory than this GPU has',
    explanation:
      'A Triton kernel was built with block sizes that need more on-chip shared memory than this GPU offers, ' +
      'which happens on older and consumer GPUs.',
    fix:
      'Try --enforce-eager, another attention backend (VLLM_ATTENTION_BACKEND), a shorter --max-model-len, or a ' +
      'newer vLLM that tunes its kernels for this GPU.',
  },
];
