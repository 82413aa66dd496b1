// The engine profiles: plain data. Adding a model is adding a row here, not a branch in the supervisor.
import type { EngineKind } from './engine-flags';

/** How the engine delivers the thinking trace; the chat stream normaliser reads it. */
export type ReasoningFormat = 'parsed' | 'think-tags' | 'ernie-raw' | 'auto';

export type ExecutableSpec =
  /** `<python> -m <module> <args…>`: avoids console scripts that are missing from PATH on Colab. */
  | { type: 'python-module'; module: string; args: string[] }
  /** A Node script shipped with the app, run with the app's own Node. */
  | { type: 'node-script'; script: string; args: string[] }
  /** A binary found on PATH, or at the path in `envOverride` when set. */
  | { type: 'binary'; name: string; envOverride: string; args: string[] }
  /** Nothing is launched: the server already runs somewhere. */
  | { type: 'none' };

export interface SamplingDefaults {
  temperature: number;
  top_p: number;
  max_tokens: number;
}

export interface ImageLimits {
  /** Images one message may carry (vLLM's --limit-mm-per-prompt is the hard limit). */
  maxImagesPerMessage: number;
  /** Pixel count beyond which the model gains nothing (its processor downsizes anyway). */
  maxPixels: number;
  /** Side of the square that costs one image token, e.g. 28 for ERNIE-VL and Qwen2-VL. */
  tokenPatch: number;
}

/** What a model that takes video clips accepts; profiles without it get no clip (the composer and server refuse). */
export interface VideoLimits {
  /** Clips one request may carry: the `video` count of vLLM's --limit-mm-per-prompt. */
  maxPerPrompt: number;
  /** Frames a second the model's processor samples, for the token estimate. */
  sampleFps: number;
  /** Frames it keeps at most, however long the clip. */
  maxFrames: number;
  /** Pixels of one frame beyond which the processor downsizes it. */
  maxFramePixels: number;
  /** Consecutive frames merged into one set of tokens (Qwen2.5-VL and ERNIE-VL: 2). */
  temporalPatch: number;
}

export interface GpuRequirement {
  /** Weights plus a minimal KV cache, in GiB. */
  minMemoryGiB: number;
  /** Lowest CUDA compute capability whose kernels the weights need, e.g. 7.5 or 8.0. */
  minComputeCapability?: number;
}

export interface EngineProfile {
  id: string;
  label: string;
  kind: EngineKind;
  executable: ExecutableSpec;
  /** Default launch options; validated against the kind's option schema together with the user's. */
  defaults: Record<string, unknown>;
  reasoningFormat: ReasoningFormat;
  /** What the model's output looks like when launched without a reasoning parser (default `auto`). */
  unparsedReasoningFormat?: ReasoningFormat;
  images: ImageLimits;
  /** Present when the model takes video (ERNIE-4.5-VL, Qwen2.5-VL). */
  video?: VideoLimits;
  sampling: SamplingDefaults;
  gpu: GpuRequirement | null;
  /** One line: GPU memory, licence, link. */
  note: string;
}

const VLLM_SERVE = (args: string[] = []): ExecutableSpec => ({
  type: 'python-module',
  module: 'vllm.entrypoints.cli.main',
  args: ['serve', '{model}', ...args],
});

const THINKING_SAMPLING: SamplingDefaults = { temperature: 0.6, top_p: 0.95, max_tokens: 8192 };
const ERNIE_IMAGES: ImageLimits = { maxImagesPerMessage: 4, maxPixels: 4_816_896, tokenPatch: 28 };
// ERNIE-4.5-VL: an estimate for the composer's token count (sampled frames, pairs merged, 28-pixel patches);
// the engine's processor has the last word.
const ERNIE_VIDEO: VideoLimits = {
  maxPerPrompt: 1,
  sampleFps: 2,
  maxFrames: 180,
  maxFramePixels: 602_112,
  temporalPatch: 2,
};
// qwen-vl-utils: FPS 2, at most 768 frames, VIDEO_MAX_PIXELS 768×28×28 a frame, temporal_patch_size 2.
const QWEN_VIDEO: VideoLimits = {
  maxPerPrompt: 1,
  sampleFps: 2,
  maxFrames: 768,
  maxFramePixels: 602_112,
  temporalPatch: 2,
};

export const PROFILES: readonly EngineProfile[] = [
  {
    id: 'ernie-4.5-vl-thinking-awq',
    label: 'ERNIE 4.5 VL 28B Thinking (AWQ 4-bit)',
    kind: 'vllm',
    executable: VLLM_SERVE(),
    // A compressed-tensors checkpoint: vLLM reads the quantization from it; forcing `awq` fails.
    defaults: {
      model: 'cyankiwi/ERNIE-4.5-VL-28B-A3B-Thinking-AWQ-4bit',
      maxModelLen: 32768,
      gpuMemoryUtilization: 0.9,
      imagesPerPrompt: 4,
      port: 8000,
      trustRemoteCode: true,
      reasoningParser: 'ernie45',
    },
    reasoningFormat: 'parsed',
    unparsedReasoningFormat: 'ernie-raw',
    images: ERNIE_IMAGES,
    video: ERNIE_VIDEO,
    sampling: THINKING_SAMPLING,
    gpu: { minMemoryGiB: 22, minComputeCapability: 7.5 },
    note: '~18 GB of weights: fits a 40 GB A100 at 32k context (24 GB L4: context 8,192). Apache-2.0. huggingface.co/cyankiwi/ERNIE-4.5-VL-28B-A3B-Thinking-AWQ-4bit',
  },
  {
    id: 'ernie-4.5-vl-thinking',
    label: 'ERNIE 4.5 VL 28B Thinking (BF16)',
    kind: 'vllm',
    executable: VLLM_SERVE(),
    defaults: {
      model: 'baidu/ERNIE-4.5-VL-28B-A3B-Thinking',
      maxModelLen: 32768,
      gpuMemoryUtilization: 0.9,
      imagesPerPrompt: 4,
      port: 8000,
      trustRemoteCode: true,
      reasoningParser: 'ernie45',
    },
    reasoningFormat: 'parsed',
    unparsedReasoningFormat: 'ernie-raw',
    images: ERNIE_IMAGES,
    video: ERNIE_VIDEO,
    sampling: THINKING_SAMPLING,
    gpu: { minMemoryGiB: 62, minComputeCapability: 8.0 },
    note: '55 GB of BF16 weights: needs an 80 GB GPU (A100/H100 80 GB). Apache-2.0. huggingface.co/baidu/ERNIE-4.5-VL-28B-A3B-Thinking',
  },
  {
    id: 'qwen2.5-vl-7b',
    label: 'Qwen2.5-VL 7B Instruct',
    kind: 'vllm',
    executable: VLLM_SERVE(),
    defaults: {
      model: 'Qwen/Qwen2.5-VL-7B-Instruct',
      maxModelLen: 16384,
      gpuMemoryUtilization: 0.9,
      imagesPerPrompt: 4,
      port: 8000,
    },
    reasoningFormat: 'auto',
    images: { maxImagesPerMessage: 4, maxPixels: 1_003_520, tokenPatch: 28 },
    video: QWEN_VIDEO,
    sampling: { temperature: 0.7, top_p: 0.8, max_tokens: 4096 },
    gpu: { minMemoryGiB: 19, minComputeCapability: 7.0 },
    note: '~16 GB of BF16 weights: fits a 24 GB L4 or an A100. Apache-2.0. huggingface.co/Qwen/Qwen2.5-VL-7B-Instruct',
  },
  {
    id: 'internvl2-8b-awq',
    label: 'InternVL2 8B (AWQ)',
    kind: 'vllm',
    executable: VLLM_SERVE(),
    // lmdeploy's AWQ layout: without an explicit --quantization awq vLLM fails on the first qweight.
    defaults: {
      model: 'OpenGVLab/InternVL2-8B-AWQ',
      maxModelLen: 8192,
      gpuMemoryUtilization: 0.9,
      imagesPerPrompt: 2,
      port: 8000,
      trustRemoteCode: true,
      quantization: 'awq',
    },
    reasoningFormat: 'auto',
    images: { maxImagesPerMessage: 2, maxPixels: 1_605_632, tokenPatch: 28 },
    sampling: { temperature: 0.7, top_p: 0.9, max_tokens: 2048 },
    gpu: { minMemoryGiB: 9, minComputeCapability: 7.5 },
    note: '~6 GB of 4-bit weights: fits a 16 GB T4. MIT. huggingface.co/OpenGVLab/InternVL2-8B-AWQ',
  },
  {
    id: 'vllm-custom',
    label: 'Any model on vLLM',
    kind: 'vllm',
    executable: VLLM_SERVE(),
    defaults: { maxModelLen: 8192, gpuMemoryUtilization: 0.9, imagesPerPrompt: 2, port: 8000 },
    reasoningFormat: 'auto',
    images: { maxImagesPerMessage: 2, maxPixels: 1_500_000, tokenPatch: 28 },
    sampling: { temperature: 0.7, top_p: 0.9, max_tokens: 4096 },
    gpu: null,
    note: 'Type a Hugging Face model id (owner/name) or a local folder; check its card for the flags it needs.',
  },
  {
    id: 'sglang-custom',
    label: 'Any model on SGLang',
    kind: 'sglang',
    executable: { type: 'python-module', module: 'sglang.launch_server', args: ['--model-path', '{model}'] },
    defaults: { maxModelLen: 8192, gpuMemoryUtilization: 0.85, port: 30000 },
    reasoningFormat: 'auto',
    images: { maxImagesPerMessage: 2, maxPixels: 1_500_000, tokenPatch: 28 },
    sampling: { temperature: 0.7, top_p: 0.9, max_tokens: 4096 },
    gpu: null,
    note: 'python -m sglang.launch_server with the Python in VLM_CONSOLE_PYTHON. SGLang takes its API key only as --api-key, so other users of this machine can read the key (ps) while it runs. Apache-2.0. github.com/sgl-project/sglang',
  },
  {
    id: 'llama-cpp',
    label: 'llama.cpp server (GGUF)',
    kind: 'llama-cpp',
    executable: { type: 'binary', name: 'llama-server', envOverride: 'VLM_CONSOLE_LLAMA_SERVER', args: [] },
    defaults: { maxModelLen: 8192, gpuLayers: 999, port: 8080 },
    reasoningFormat: 'auto',
    images: { maxImagesPerMessage: 2, maxPixels: 1_500_000, tokenPatch: 28 },
    sampling: { temperature: 0.7, top_p: 0.9, max_tokens: 4096 },
    gpu: null,
    note: 'llama-server from PATH or VLM_CONSOLE_LLAMA_SERVER; a local .gguf or -hf repo, plus an mmproj file for images. MIT. github.com/ggml-org/llama.cpp',
  },
  {
    id: 'external',
    label: 'An OpenAI-compatible server already running',
    kind: 'external',
    executable: { type: 'none' },
    defaults: {},
    reasoningFormat: 'auto',
    images: { maxImagesPerMessage: 4, maxPixels: 1_500_000, tokenPatch: 28 },
    sampling: { temperature: 0.7, top_p: 0.9, max_tokens: 4096 },
    gpu: null,
    note: 'Attach to a server at a URL (a bigger vLLM deployment, say): nothing is launched; health and chat go there.',
  },
  {
    id: 'demo',
    label: 'Demo engine (no GPU)',
    kind: 'demo',
    executable: { type: 'node-script', script: 'engines/demo-engine.mjs', args: ['--model', '{model}'] },
    defaults: {
      model: 'demo/vlm-demo',
      maxModelLen: 32768,
      gpuMemoryUtilization: 0.9,
      imagesPerPrompt: 4,
      port: 8000,
      reasoningParser: 'ernie45',
    },
    reasoningFormat: 'parsed',
    unparsedReasoningFormat: 'ernie-raw',
    images: ERNIE_IMAGES,
    video: ERNIE_VIDEO,
    sampling: THINKING_SAMPLING,
    gpu: null,
    note: 'A stand-in that behaves like vLLM (log, health, streaming, thinking) for machines without a GPU.',
  },
];

/** How thinking arrives from a launch: parsed into fields when a reasoning parser runs, raw otherwise. */
export function effectiveReasoningFormat(
  profile: EngineProfile,
  options: Record<string, unknown>,
): ReasoningFormat {
  if (profile.reasoningFormat !== 'parsed' || options.reasoningParser) return profile.reasoningFormat;
  return profile.unparsedReasoningFormat ?? 'auto';
}

export function findProfile(id: string): EngineProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}
