// llama.cpp's server (llama-server) failures, in its own words (ggml/src/ggml-cuda, src/llama-model-loader.cpp,
// tools/server, common/arg.cpp, tools/mtmd), with llama.cpp's own fixes: fewer GPU layers (-ngl), a smaller
// quant or context (-c), never vLLM's flags.
import type { DiagnosisRule } from '../types';

const LLAMA = { engines: ['llama-cpp'], phase: 'launch', severity: 'error' } as const;

export const LLAMA_CPP_RULES: readonly DiagnosisRule[] = [
  {
    ...LLAMA,
    id: 'llama-cpp-oom',
    category: 'cuda_oom',
    priority: 85,
    patterns: [
      /cudaMalloc failed: out of memory/i,
      /ggml_backend_\w+_buffer_type_alloc_buffer: allocating [\d.]+ MiB on device \d+: \w+ failed/i,
      /failed to allocate \w+ buffer of size \d+/i,
      /unable to allocate \w+ buffer/i,
      /failed to allocate buffer for kv cache|llama_kv_cache_init\(\) failed/i,
      /failed to allocate compute (?:pp )?buffers/i,
      /CUDA error: out of memory/i,
      /ErrorOutOfDeviceMemory|hipMalloc failed: out of memory/i,
    ],
    title: 'The model does not fit in GPU memory',
    explanation:
      'llama.cpp could not allocate GPU memory for the weights, the KV cache or its compute buffers. The layers ' +
      'offloaded to the GPU (-ngl), the context length (-c) and the size of the quantization together need ' +
      'more memory than the GPU has free.',
    fix:
      'Offload fewer layers to the GPU (lower -ngl, e.g. 20 and raise it step by step), use a smaller quant ' +
      '(Q4_K_M instead of Q8_0), or a shorter context (-c 8192). Check nvidia-smi for other programs on the GPU.',
  },
  {
    ...LLAMA,
    id: 'llama-cpp-model-file',
    category: 'gated_or_missing_model',
    priority: 80,
    patterns: [
      /failed to open GGUF file/i,
      /error loading model: failed to open .{1,300}: No such file or directory/i,
      /failed to open .{1,300}\.gguf'?: (?:No such file or directory|Permission denied)/i,
      // -m given a folder: the loader names the path, which ends in a slash.
      /failed to load model from \S+\/'?\s*$/i,
    ],
    title: 'llama.cpp cannot open the model file',
    explanation:
      'The GGUF file given to the server (-m, or the models folder) does not exist at that path or is not ' +
      'readable by the user the server runs as.',
    fix:
      'Check the path (an absolute path avoids working-directory surprises) and the file permissions ' +
      '(ls -l <file>); for a multi-part model give the first part (…-00001-of-0000N.gguf).',
  },
  {
    ...LLAMA,
    id: 'llama-cpp-hf-download',
    category: 'gated_or_missing_model',
    priority: 82,
    patterns: [
      /error from HF API, response code: 40[134]/i,
      /model is private or does not exist/i,
      /model does not have ggufFile/i,
      /failed to (?:download|get) (?:model|manifest|file)\b.{0,200}(?:401|403|404)/i,
      /invalid http status code received: 40[134]/i,
    ],
    title: 'The -hf repository is gated, private or does not exist',
    explanation:
      'llama.cpp asked Hugging Face for the GGUF repository given with -hf and was refused: the name or the ' +
      'quant tag is wrong, or the repository is gated or private and no valid token was sent.',
    fix:
      'Check the repository name and the :quant tag on its Hugging Face page; for a gated or private ' +
      'repository accept its terms and set HF_TOKEN (or pass -hft <token>); or download the .gguf and use -m.',
  },
  {
    ...LLAMA,
    id: 'llama-cpp-bad-gguf',
    category: 'corrupt_weights',
    priority: 70,
    patterns: [
      /gguf_init_from_file(?:_impl)?: invalid magic/i,
      /failed to read magic|invalid magic characters/i,
      /tensor '[^']+' data is not within the file bounds/i,
      /gguf_init_from_file(?:_impl)?: failed to read tensor (?:info|data)/i,
    ],
    title: 'The GGUF file is damaged, incomplete or not a GGUF file',
    explanation:
      'llama.cpp read the model file and it is not a valid GGUF: the download stopped early, the file is an ' +
      'old GGML .bin, or it is a Git LFS pointer instead of the weights.',
    fix: 'Download the .gguf again (compare its size with the one on Hugging Face), or convert old GGML files to GGUF.',
  },
  {
    ...LLAMA,
    id: 'llama-cpp-unknown-architecture',
    category: 'unsupported_architecture',
    priority: 75,
    patterns: [/unknown model architecture: '[^']+'/i, /unknown pre-tokenizer type: '[^']+'/i],
    title: 'This llama.cpp build does not know the model architecture',
    explanation:
      'The GGUF file declares an architecture (or tokenizer) newer than this llama-server build supports.',
    fix: 'Update llama.cpp to a recent release (the architecture is usually added within days of a model release).',
  },
  {
    ...LLAMA,
    id: 'llama-cpp-mmproj-mismatch',
    category: 'corrupt_weights',
    priority: 78,
    patterns: [
      /mismatch between text model \(n_embd = \d+\) and mmproj \(n_embd = \d+\)/i,
      /you may be using wrong mmproj/i,
      // Older llava example wording.
      /embedding dim of the multimodal projector \(\d+\) is not equal to that of LLaMA/i,
      /failed to load (?:multimodal|mmproj|vision) model/i,
    ],
    title: 'The vision projector (mmproj) does not belong to this model',
    explanation:
      'The mmproj file given with --mmproj was made for another model (or another size of it): its embedding ' +
      'size does not match the text model, so llama.cpp cannot connect the two.',
    fix: "Download the mmproj file from the same GGUF repository as the model (llama.cpp's -hf fetches the matching one).",
  },
  {
    ...LLAMA,
    id: 'llama-cpp-port-in-use',
    category: 'port_in_use',
    priority: 95,
    patterns: [/couldn'?t bind (?:HTTP server|to server) socket/i],
    title: 'The port is already in use',
    explanation:
      'llama-server could not listen on its port: another program, often an earlier server, holds it.',
    fix: 'Stop the old server (lsof -i :PORT or ss -ltnp shows it), or relaunch with another --port.',
  },
  {
    ...LLAMA,
    id: 'llama-cpp-no-gpu',
    category: 'no_gpu_or_driver',
    priority: 60,
    patterns: [
      /ggml_cuda_init: failed to initialize CUDA/i,
      /no usable GPU found, --gpu-layers option will be ignored/i,
    ],
    title: 'llama.cpp cannot use the GPU',
    explanation:
      'The CUDA backend of llama.cpp could not start (no GPU visible, driver missing or too old), or this ' +
      'build has no GPU backend, so the model would run on the CPU.',
    fix:
      'Check nvidia-smi works; in a container pass --gpus all. Use a llama.cpp build with CUDA (the -cuda ' +
      'release or -DGGML_CUDA=ON), or accept CPU speed with -ngl 0.',
  },
];
