// What each engine kind accepts on its command line. This module alone knows the flag spellings of vLLM,
// SGLang and llama.cpp's server; profiles only pick a kind and default values.
import type { z } from 'zod';
import {
  externalOptionsSchema,
  llamaCppOptionsSchema,
  sglangOptionsSchema,
  vllmOptionsSchema,
} from './option-schemas';

export const ENGINE_KINDS = ['vllm', 'sglang', 'llama-cpp', 'external', 'demo'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

/** How an option value becomes argv tokens. */
export type FlagRule =
  | { option: string; flag: string; as: 'value' }
  | { option: string; flag: string; as: 'switch' }
  /** vLLM ≥ 0.10 takes the per-prompt limit only as JSON. */
  | { option: string; flag: string; as: 'mm-limit-json' };

export interface EngineKindSpec {
  schema: z.ZodType;
  /** Flag for the engine's listen address and port; always 127.0.0.1, never from a request. */
  hostFlag?: string;
  portFlag?: string;
  /** How the per-launch API key reaches the engine: an env variable keeps it out of `ps`. */
  apiKey: { env: string } | { flag: string } | null;
  flags: FlagRule[];
  /** Extra flags a user may add; anything else is refused. Flags the app sets itself are never listed. */
  extraFlags: string[];
  healthPath: string;
  /** Whether the weights come from the Hugging Face Hub and can be fetched first by the Hub's downloader. */
  hubDownload: boolean;
}

const VLLM_FLAGS: FlagRule[] = [
  { option: 'servedModelName', flag: '--served-model-name', as: 'value' },
  { option: 'maxModelLen', flag: '--max-model-len', as: 'value' },
  { option: 'gpuMemoryUtilization', flag: '--gpu-memory-utilization', as: 'value' },
  { option: 'tensorParallelSize', flag: '--tensor-parallel-size', as: 'value' },
  { option: 'imagesPerPrompt', flag: '--limit-mm-per-prompt', as: 'mm-limit-json' },
  { option: 'trustRemoteCode', flag: '--trust-remote-code', as: 'switch' },
  { option: 'reasoningParser', flag: '--reasoning-parser', as: 'value' },
  { option: 'quantization', flag: '--quantization', as: 'value' },
  { option: 'dtype', flag: '--dtype', as: 'value' },
  { option: 'enforceEager', flag: '--enforce-eager', as: 'switch' },
  { option: 'maxNumSeqs', flag: '--max-num-seqs', as: 'value' },
];

const VLLM_EXTRA_FLAGS = [
  '--max-num-batched-tokens',
  '--enable-chunked-prefill',
  '--no-enable-chunked-prefill',
  '--enable-prefix-caching',
  '--no-enable-prefix-caching',
  '--kv-cache-dtype',
  '--swap-space',
  '--cpu-offload-gb',
  '--block-size',
  '--seed',
  '--mm-processor-kwargs',
  '--chat-template-content-format',
  '--default-chat-template-kwargs',
  '--tool-call-parser',
  '--enable-auto-tool-choice',
  '--generation-config',
  '--override-generation-config',
  '--revision',
  '--tokenizer-mode',
  '--load-format',
  '--max-logprobs',
  '--disable-log-stats',
  '--enable-log-requests',
  '--uvicorn-log-level',
  '--disable-uvicorn-access-log',
  '--disable-access-log-for-endpoints',
  '--hf-overrides',
  '--compilation-config',
  '--pipeline-parallel-size',
  '--enable-expert-parallel',
  '--disable-custom-all-reduce',
  '--shutdown-timeout',
  '--async-scheduling',
  '--mm-encoder-tp-mode',
  '--skip-mm-profiling',
];

/** The demo engine speaks vLLM's flags, plus the knobs that make it misbehave on purpose for tests. */
const DEMO_EXTRA_FLAGS = [
  ...VLLM_EXTRA_FLAGS,
  '--startup-seconds',
  '--tokens-per-second',
  '--thinking-tokens',
  '--answer-tokens',
  '--reasoning',
  '--fail',
  '--hang',
  '--chunk-error-after',
  '--flood-lines',
  '--shutdown-seconds',
];

export const ENGINE_KIND_SPECS: Record<EngineKind, EngineKindSpec> = {
  vllm: {
    schema: vllmOptionsSchema,
    hostFlag: '--host',
    portFlag: '--port',
    apiKey: { env: 'VLLM_API_KEY' },
    flags: VLLM_FLAGS,
    extraFlags: VLLM_EXTRA_FLAGS,
    healthPath: '/health',
    hubDownload: true,
  },
  demo: {
    schema: vllmOptionsSchema,
    hostFlag: '--host',
    portFlag: '--port',
    apiKey: { env: 'VLLM_API_KEY' },
    flags: VLLM_FLAGS,
    extraFlags: DEMO_EXTRA_FLAGS,
    healthPath: '/health',
    hubDownload: false,
  },
  sglang: {
    schema: sglangOptionsSchema,
    hostFlag: '--host',
    portFlag: '--port',
    apiKey: { flag: '--api-key' },
    flags: [
      { option: 'servedModelName', flag: '--served-model-name', as: 'value' },
      { option: 'maxModelLen', flag: '--context-length', as: 'value' },
      { option: 'gpuMemoryUtilization', flag: '--mem-fraction-static', as: 'value' },
      { option: 'tensorParallelSize', flag: '--tp-size', as: 'value' },
      { option: 'trustRemoteCode', flag: '--trust-remote-code', as: 'switch' },
      { option: 'reasoningParser', flag: '--reasoning-parser', as: 'value' },
    ],
    extraFlags: [
      '--chunked-prefill-size',
      '--max-running-requests',
      '--chat-template',
      '--quantization',
      '--dtype',
      '--disable-cuda-graph',
      '--enable-torch-compile',
      '--attention-backend',
      '--kv-cache-dtype',
      '--revision',
      '--tool-call-parser',
    ],
    healthPath: '/health',
    hubDownload: true,
  },
  'llama-cpp': {
    schema: llamaCppOptionsSchema,
    hostFlag: '--host',
    portFlag: '--port',
    apiKey: { env: 'LLAMA_ARG_API_KEY' },
    flags: [
      { option: 'modelFile', flag: '--model', as: 'value' },
      { option: 'hfRepo', flag: '-hf', as: 'value' },
      { option: 'mmproj', flag: '--mmproj', as: 'value' },
      { option: 'maxModelLen', flag: '--ctx-size', as: 'value' },
      { option: 'gpuLayers', flag: '--n-gpu-layers', as: 'value' },
    ],
    extraFlags: [
      '--threads',
      '--batch-size',
      '--ubatch-size',
      '--parallel',
      '--flash-attn',
      '--cache-type-k',
      '--cache-type-v',
      '--jinja',
      '--reasoning-format',
      '--reasoning-budget',
      '--temp',
      '--seed',
      '--no-mmap',
      '--mlock',
      '--image-min-tokens',
      '--image-max-tokens',
    ],
    healthPath: '/health',
    hubDownload: false,
  },
  external: {
    schema: externalOptionsSchema,
    apiKey: null,
    flags: [],
    extraFlags: [],
    healthPath: '/health',
    hubDownload: false,
  },
};
