// What each engine kind accepts on its command line. This module alone knows the flag spellings of vLLM,
// SGLang and llama.cpp's server; profiles only pick a kind and default values. Plain data, without the
// option schemas (engine-kinds.ts adds them): the browser builds the command preview from these tables as
// the console opens, and the schemas would bring zod with them.

export const ENGINE_KINDS = ['vllm', 'sglang', 'llama-cpp', 'external', 'demo'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

/** How an option value becomes argv tokens. */
export type FlagRule =
  | { option: string; flag: string; as: 'value' }
  | { option: string; flag: string; as: 'switch' }
  /** vLLM ≥ 0.10 takes the per-prompt limit only as JSON. */
  | { option: string; flag: string; as: 'mm-limit-json' };

/** A flag the app adds on its own when the installed engine has it (decided by its help, never by version). */
export interface WhenSupportedFlag {
  flag: string;
  value?: string;
  /** Said in the launch log when it is added. */
  why: string;
}

/** How to ask the installed engine what it is and what it accepts (run with the launch's executable). */
export interface IntrospectSpec {
  /** Python distribution whose version `importlib.metadata` reports; else `versionArgs` are run. */
  pythonPackage?: string;
  versionArgs?: string[];
  helpArgs: string[];
  /** Asked next when `helpArgs` only lists groups and points here (vLLM ≥ 0.10's `--help=all`). */
  helpAllArgs?: string[];
  helpFormat: 'argparse' | 'llama';
}

export interface EngineFlagSpec {
  /** Flag for the engine's listen address and port; always 127.0.0.1, never from a request. */
  hostFlag?: string;
  portFlag?: string;
  /** How the per-launch API key reaches the engine: an env variable keeps it out of `ps`. */
  apiKey: { env: string } | { flag: string } | null;
  flags: FlagRule[];
  /** Extra flags a user may add; anything else is refused. Flags the app sets itself are never listed. */
  extraFlags: string[];
  /** Of the flags above (app's and extra), those that take no value; the static table's arity knowledge. */
  switchFlags: string[];
  /** Of the flags above, those whose value is optional (`--flash-attn [on|off|auto]`). */
  optionalValueFlags?: string[];
  /** Other spellings of a flag across versions, tried in order when the installed engine lacks the first. */
  equivalents?: Record<string, string[]>;
  /** Added when the installed engine's help lists the flag and the user did not pass it. */
  whenSupported?: WhenSupportedFlag[];
  /** Absent for kinds that launch nothing. */
  introspect?: IntrospectSpec;
  healthPath: string;
  /** Whether the weights come from the Hugging Face Hub and can be fetched first by the Hub's downloader. */
  hubDownload: boolean;
}

const VLLM_FLAGS: FlagRule[] = [
  { option: 'servedModelName', flag: '--served-model-name', as: 'value' },
  { option: 'maxModelLen', flag: '--max-model-len', as: 'value' },
  { option: 'gpuMemoryUtilization', flag: '--gpu-memory-utilization', as: 'value' },
  { option: 'tensorParallelSize', flag: '--tensor-parallel-size', as: 'value' },
  { option: 'pipelineParallelSize', flag: '--pipeline-parallel-size', as: 'value' },
  { option: 'dataParallelSize', flag: '--data-parallel-size', as: 'value' },
  { option: 'distributedExecutorBackend', flag: '--distributed-executor-backend', as: 'value' },
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
  '--enable-expert-parallel',
  '--disable-custom-all-reduce',
  '--shutdown-timeout',
  '--async-scheduling',
  '--mm-encoder-tp-mode',
  '--skip-mm-profiling',
];

const VLLM_SWITCHES = [
  '--trust-remote-code',
  '--enforce-eager',
  '--enable-chunked-prefill',
  '--no-enable-chunked-prefill',
  '--enable-prefix-caching',
  '--no-enable-prefix-caching',
  '--enable-auto-tool-choice',
  '--disable-log-stats',
  '--enable-log-requests',
  '--disable-uvicorn-access-log',
  '--enable-expert-parallel',
  '--disable-custom-all-reduce',
  '--async-scheduling',
  '--skip-mm-profiling',
];

/** The app polls /health and /metrics every few seconds; their access lines would bury the engine's own. */
const VLLM_QUIET_PROBES: WhenSupportedFlag[] = [
  {
    flag: '--disable-access-log-for-endpoints',
    value: '/health,/metrics',
    why: "keeps the console's own /health and /metrics polling out of the access log",
  },
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

export const ENGINE_FLAG_SPECS: Record<EngineKind, EngineFlagSpec> = {
  vllm: {
    hostFlag: '--host',
    portFlag: '--port',
    apiKey: { env: 'VLLM_API_KEY' },
    flags: VLLM_FLAGS,
    extraFlags: VLLM_EXTRA_FLAGS,
    switchFlags: VLLM_SWITCHES,
    equivalents: { '--tensor-parallel-size': ['-tp'] },
    whenSupported: VLLM_QUIET_PROBES,
    introspect: {
      pythonPackage: 'vllm',
      helpArgs: ['serve', '--help'],
      helpAllArgs: ['serve', '--help=all'],
      helpFormat: 'argparse',
    },
    healthPath: '/health',
    hubDownload: true,
  },
  demo: {
    hostFlag: '--host',
    portFlag: '--port',
    apiKey: { env: 'VLLM_API_KEY' },
    flags: VLLM_FLAGS,
    extraFlags: DEMO_EXTRA_FLAGS,
    switchFlags: [...VLLM_SWITCHES, '--hang'],
    equivalents: { '--tensor-parallel-size': ['-tp'] },
    whenSupported: VLLM_QUIET_PROBES,
    introspect: {
      versionArgs: ['--version'],
      helpArgs: ['--help'],
      helpAllArgs: ['--help=all'],
      helpFormat: 'argparse',
    },
    healthPath: '/health',
    hubDownload: false,
  },
  sglang: {
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
    switchFlags: ['--trust-remote-code', '--disable-cuda-graph', '--enable-torch-compile'],
    equivalents: { '--tp-size': ['--tensor-parallel-size'] },
    introspect: { pythonPackage: 'sglang', helpArgs: ['--help'], helpFormat: 'argparse' },
    healthPath: '/health',
    hubDownload: true,
  },
  'llama-cpp': {
    hostFlag: '--host',
    portFlag: '--port',
    // common/arg.cpp: `--api-key KEY … .set_env("LLAMA_API_KEY")`: not the LLAMA_ARG_ prefix of the others.
    apiKey: { env: 'LLAMA_API_KEY' },
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
    switchFlags: ['--jinja', '--no-mmap', '--mlock'],
    optionalValueFlags: ['--flash-attn'],
    introspect: { versionArgs: ['--version'], helpArgs: ['--help'], helpFormat: 'llama' },
    healthPath: '/health',
    hubDownload: false,
  },
  external: {
    apiKey: null,
    flags: [],
    extraFlags: [],
    switchFlags: [],
    healthPath: '/health',
    hubDownload: false,
  },
};
