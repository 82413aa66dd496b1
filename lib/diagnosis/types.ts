// Types of the launch-failure diagnosis: the rule table (data), what a rule match becomes (a Diagnosis), and the
// option patch a "fix" button applies. Pure and isomorphic: the supervisor and the UI both import it.

/** Category ids; they are also the labels of the shared fixture file, so do not rename them. */
export const DIAGNOSIS_CATEGORIES = [
  'cuda_oom',
  'kv_cache_too_small',
  'no_kv_cache_memory',
  'gpu_memory_in_use',
  'no_gpu_or_driver',
  'torch_cuda_mismatch',
  'unsupported_gpu_arch',
  'trust_remote_code',
  'unsupported_architecture',
  'transformers_version',
  'max_model_len_exceeds_model',
  'port_in_use',
  'gated_or_missing_model',
  'disk_full',
  'corrupt_weights',
  'shm_multiproc',
  'compile_toolchain',
  'engine_core_died',
  'engine_ready_timeout',
  'chat_template',
  'mm_limit',
  // The "Install vLLM" job's own failures (lib/diagnosis/rules/install.ts).
  'no_network',
  'no_matching_distribution',
  'proxy_or_certificate',
  'unknown',
] as const;
export type DiagnosisCategory = (typeof DIAGNOSIS_CATEGORIES)[number];

/** Categories only the installer's output produces. */
export const INSTALL_FAILURE_CATEGORIES = [
  'no_network',
  'no_matching_distribution',
  'proxy_or_certificate',
] as const;
const NOT_LAUNCH: readonly string[] = ['chat_template', 'mm_limit', 'unknown', ...INSTALL_FAILURE_CATEGORIES];

/** The categories a launch can fail with (request-time, install-only and the `unknown` fallback left out). */
export const LAUNCH_FAILURE_CATEGORIES = DIAGNOSIS_CATEGORIES.filter((c) => !NOT_LAUNCH.includes(c));
/** `unknown` is the fallback of the scanner, never a rule. */
export type RuleCategory = Exclude<DiagnosisCategory, 'unknown'>;

/** The engines whose logs the rules read; each has its own wording and its own fixes. */
export const ENGINE_FAMILIES = ['vllm', 'sglang', 'llama-cpp'] as const;
export type EngineFamily = (typeof ENGINE_FAMILIES)[number];

/** `request` errors are shown on a failed chat; `launch` errors on a failed start; `install` on a failed install. */
export type DiagnosisPhase = 'launch' | 'request' | 'install';
export type DiagnosisSeverity = 'error' | 'warning';

/** Launch-option keys a fix may change; the names match the launch form's option schema. */
export interface LaunchOptionPatch {
  maxModelLen?: number;
  gpuMemoryUtilization?: number;
  maxNumSeqs?: number;
  enforceEager?: boolean;
  trustRemoteCode?: boolean;
  quantization?: string;
  port?: number;
  imagesPerPrompt?: number;
  dtype?: string;
  /** llama.cpp: layers offloaded to the GPU (-ngl). */
  gpuLayers?: number;
}

export interface DiagnosisPatch {
  /** Short button-ready text, e.g. "Relaunch with context 24,576". */
  label: string;
  options: LaunchOptionPatch;
}

export interface DiagnosisRule {
  id: string;
  category: RuleCategory;
  phase: DiagnosisPhase;
  /**
   * Engines whose logs the rule reads and whose fix it gives; absent means vLLM only. `{engine}` in the title,
   * explanation and fix becomes the engine's name (a rule shared by vLLM and SGLang says which one failed).
   */
  engines?: readonly EngineFamily[];
  /** Tested against a line with process prefixes and log heads removed. Never use the `g` or `y` flag. */
  patterns: readonly RegExp[];
  /** Higher wins when several rules match anywhere in the log; root causes outrank their symptoms. */
  priority: number;
  severity: DiagnosisSeverity;
  title: string;
  explanation: string;
  fix: string;
  /** Computes option changes from the matched line; null when the line lacks the numbers it needs. */
  patch?: (match: RegExpExecArray, line: string) => DiagnosisPatch | null;
  /** The rule only fires when one of the `within` lines before the match matches `pattern`. */
  context?: { pattern: RegExp; within: number };
  /** Wrapper rules: quote the first real exception line of the log instead of the wrapper line. */
  quoteRootCause?: boolean;
}

export interface DiagnosisLine {
  /** 0-based index of the line in the input (the lines of `diagnose`'s text, or `diagnoseLines`'s array). */
  index: number;
  /** The line without process prefixes, timestamps and log heads. */
  text: string;
  /** The caller's sequence number for the line, when `diagnoseLines` was given one. */
  seq?: number;
}

export interface Diagnosis {
  ruleId: string;
  category: DiagnosisCategory;
  phase: DiagnosisPhase;
  severity: DiagnosisSeverity;
  title: string;
  explanation: string;
  fix: string;
  line: DiagnosisLine;
  patch?: DiagnosisPatch;
  /** Which engine's rules answered: the launch's engine, or a guess from a pasted log's wording. */
  engine?: EngineFamily;
  /** True when `engine` was guessed from the log's wording rather than known from the launch. */
  engineGuessed?: boolean;
  /** For an unrecognised root exception: the traceback frame that raised it (`File "…", line N, in f`). */
  frame?: string;
}

export interface DiagnoseOptions {
  /** Which rules may answer; `any` (the default) uses all of them. */
  phase?: DiagnosisPhase | 'any';
  /** The engine that wrote the log (a launch knows it); absent: guessed from the log's wording. */
  engine?: EngineFamily;
}

export interface LogLineInput {
  seq?: number;
  text: string;
}
