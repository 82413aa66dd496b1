// Which startup stage the engine is in, read from its log. Wording drifts between vLLM releases (and other
// engines print their own lines), so the knowledge lives in one data table; code only walks it.
//
// No log line declares `ready`: "Application startup complete." is printed a few ms before the socket accepts
// connections, so the supervisor sets `ready` itself when GET /health first answers 200.
import { STAGE_NAMES, type Stage, type StageName } from './types';

/** What one log line says about the startup stage. */
export type StageHint = Omit<Stage, 'since'>;

export interface StageRule {
  stage: StageName;
  /** Matched anywhere in the cleaned line, so process prefixes such as `(EngineCore_DP0 pid=5) ` do not matter. */
  pattern: RegExp;
  progress?: (match: RegExpExecArray) => { progress?: number; detail?: string };
  /**
   * Download bars come in two kinds: bytes (the file bars of hub 0.x, the aggregate bar of hub 1.x) and files
   * (`Fetching N files`). Once bytes have been seen, bytes are the percent and the file count is only detail,
   * so the bar does not jump between the two as hub 1.x interleaves them.
   */
  measures?: 'bytes' | 'files';
}

const percent = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : Math.min(1, Math.max(0, Number(text) / 100));
const seconds = (text: string | undefined): string => `${Math.round(Number(text))} s`;
const done = (detail?: string) => (detail === undefined ? { progress: 1 } : { progress: 1, detail });
const WAITING_FOR_WEIGHTS = 'fetching from the hub unless cached; vLLM logs no download progress';

/** Checked in order; the first matching row wins. Add wording variants here, not in code. */
export const STAGE_RULES: readonly StageRule[] = [
  // launching
  // The bare `version X.Y.Z` is vLLM's banner (`█ ▀▄▀ █  version 0.22.1`), anchored to the banner's glyphs or
  // the line's start: `NCCL version 2.20.5` and `found version 11040` are not the engine's version.
  {
    stage: 'launching',
    pattern: /vLLM API server version (\S+)|(?:^|[█▀▄]\s+)version (\d+\.\d+\.\d+\S*)\s*$/,
    progress: (m) => ({ detail: `version ${m[1] ?? m[2]}` }),
  },
  {
    stage: 'launching',
    pattern:
      /non-default args:|\bargs: Namespace\(|Initializing an? (?:V\d )?LLM engine|Resolved architecture:/,
  },
  { stage: 'launching', pattern: /server_args=ServerArgs\(|^(?:build: \d+ \(|system info: )/ },

  // downloading weights — vLLM downloads silently, so the lines around the download are all there is.
  {
    stage: 'downloading weights',
    pattern: /Starting to load model|Using model weights format/,
    progress: () => ({ detail: WAITING_FOR_WEIGHTS }),
  },
  {
    stage: 'downloading weights',
    pattern: /Time spent downloading weights for .*?: ([\d.]+) seconds/,
    progress: (m) => done(`downloaded in ${seconds(m[1])}`),
  },
  {
    stage: 'downloading weights',
    pattern: /Fetching \d+ files:\s*(\d+(?:\.\d+)?)%(?:.*?\|\s*(\d+)\/(\d+))?/,
    progress: (m) => ({ progress: percent(m[1]), detail: m[2] ? `file ${m[2]}/${m[3]}` : `${m[1]} %` }),
    measures: 'files',
  },
  {
    stage: 'downloading weights',
    pattern:
      /(?:Downloading\b[^:]*|[\w.()…-]+\.(?:safetensors|bin|gguf|pth?)):\s*(\d+(?:\.\d+)?)%(?:.*?\|\s*([\d.]+\w*)\/([\d.]+\w*))?/,
    progress: (m) => ({ progress: percent(m[1]), detail: m[2] ? `${m[2]}/${m[3]}` : `${m[1]} %` }),
    measures: 'bytes',
  },
  { stage: 'downloading weights', pattern: /\bcommon_download_file/ },

  // loading weights
  {
    stage: 'loading weights',
    pattern: /Loading (?:\S+ )?checkpoint shards:\s*(\d+(?:\.\d+)?)%(?:.*?\|\s*(\d+)\/(\d+))?/,
    progress: (m) => ({ progress: percent(m[1]), detail: m[2] ? `shard ${m[2]}/${m[3]}` : `${m[1]} %` }),
  },
  {
    stage: 'loading weights',
    pattern: /Loading weights took ([\d.]+) seconds/,
    progress: (m) => done(`took ${seconds(m[1])}`),
  },
  {
    stage: 'loading weights',
    pattern: /(?:Model loading|Loading model weights) took ([\d.]+) ?(GiB|GB)/,
    progress: (m) => done(`${m[1]} ${m[2]} on GPU`),
  },
  {
    stage: 'loading weights',
    pattern: /Loading model from scratch|Load weight begin|llama_model_load|load_tensors:/,
  },
  { stage: 'loading weights', pattern: /Load weight end|main: model loaded/, progress: () => done() },

  // compiling
  {
    stage: 'compiling',
    pattern: /torch\.compile (?:takes|took) ([\d.]+) ?s in total/,
    progress: (m) => ({ detail: `torch.compile took ${seconds(m[1])}` }),
  },
  {
    stage: 'compiling',
    pattern: /Initial profiling\/warmup run took ([\d.]+) ?s/,
    progress: (m) => ({ detail: `warmup run took ${seconds(m[1])}` }),
  },
  // vLLM ≥ 0.2x compiles ahead of time and caches it: "saved AOT compiled function to …" the first time,
  // "Directly load AOT compilation from path …" after (vllm/compilation/decorators.py).
  {
    stage: 'compiling',
    pattern:
      /Dynamo bytecode transform time|for vLLM's torch\.compile|Compiling a graph for|Directly load the compiled graph|saved AOT compiled function|Directly load AOT compilation/,
  },

  // allocating KV cache
  {
    stage: 'allocating KV cache',
    pattern: /Available KV cache memory:\s*([\d.]+ ?\w+)/,
    progress: (m) => ({ detail: `${m[1]} for KV cache` }),
  },
  {
    stage: 'allocating KV cache',
    pattern: /GPU KV cache size:\s*([\d,]+) tokens/,
    progress: (m) => ({ detail: `${m[1]} tokens` }),
  },
  {
    stage: 'allocating KV cache',
    pattern: /# GPU blocks:\s*(\d+)/,
    progress: (m) => ({ detail: `${m[1]} GPU blocks` }),
  },
  {
    stage: 'allocating KV cache',
    pattern:
      /Memory profiling takes|Maximum concurrency for|KV Cache is allocated|Memory pool end|llama_kv_cache/,
  },

  // capturing CUDA graphs — "Profiling CUDA graph memory" and "Cudagraph is disabled" are NOT capture lines.
  {
    stage: 'capturing CUDA graphs',
    pattern:
      /Captur(?:ing|e) (?:CUDA ?graphs?|cudagraphs?|batches)(?: shapes)?(?: \(([^)]*)\))?:\s*(\d+(?:\.\d+)?)%(?:.*?\|\s*(\d+)\/(\d+))?/i,
    progress: (m) => ({
      progress: percent(m[2]),
      detail: [m[1], m[3] ? `${m[3]}/${m[4]}` : `${m[2]} %`].filter(Boolean).join(' '),
    }),
  },
  {
    stage: 'capturing CUDA graphs',
    pattern: /Graph capturing finished in ([\d.]+) secs?/,
    progress: (m) => done(`finished in ${seconds(m[1])}`),
  },
  { stage: 'capturing CUDA graphs', pattern: /Capture cuda graph end/i, progress: () => done() },
  {
    stage: 'capturing CUDA graphs',
    pattern: /Capturing (?:the model for )?(?:CUDA ?graphs?|cudagraphs?)|Capture cuda graph begin/i,
  },

  // starting API server
  {
    stage: 'starting API server',
    pattern: /Starting vLLM (?:API )?server(?: \d+)? on (\S+)/,
    progress: (m) => ({ detail: m[1] }),
  },
  {
    stage: 'starting API server',
    pattern:
      /Supported[_ ]tasks|Available routes are|Started server process|Waiting for application startup|Application startup complete|Uvicorn running on|main: server is listening|The server is fired up/,
  },
];

const RANK = new Map<StageName, number>(STAGE_NAMES.map((name, index) => [name, index]));

/** Position of a stage in the startup order (launching = 0 … ready = 7). */
export function stageRank(name: StageName): number {
  return RANK.get(name) ?? -1;
}

function hint(name: StageName, progress: number | undefined, detail: string | undefined): StageHint {
  const out: StageHint = { name };
  if (progress !== undefined && Number.isFinite(progress)) out.progress = progress;
  if (detail !== undefined && detail !== '') out.detail = detail;
  return out;
}

/** The stage one cleaned log line indicates (with progress where the line says), or null. */
export function detectStage(line: string): StageHint | null {
  return detectWithRule(line)?.hint ?? null;
}

function detectWithRule(line: string): { hint: StageHint; rule: StageRule } | null {
  for (const rule of STAGE_RULES) {
    const match = rule.pattern.exec(line);
    if (!match) continue;
    const extra = rule.progress?.(match) ?? {};
    return { hint: hint(rule.stage, extra.progress, extra.detail), rule };
  }
  return null;
}

/** A byte bar's detail (`2.10G/4.63G`), optionally followed by the file count. */
const BYTES_DETAIL = /^([\d.]+\s?[kMGT]?i?B?\/[\d.]+\s?[kMGT]?i?B?)(?: · (file \d+\/\d+))?$/;

/** Bytes are the percent once seen; a file count then only joins the detail (see StageRule.measures). */
function mergeDownload(current: Stage, found: StageHint, measures: StageRule['measures']): StageHint {
  const bytes = BYTES_DETAIL.exec(current.detail ?? '');
  if (measures === 'files' && bytes) {
    return { ...found, progress: current.progress, detail: `${bytes[1]} · ${found.detail}` };
  }
  if (measures === 'bytes' && bytes?.[2] && found.detail && BYTES_DETAIL.test(found.detail)) {
    return { ...found, detail: `${found.detail} · ${bytes[2]}` };
  }
  return found;
}

/**
 * Folds one log line into the current stage. Only moves forward in STAGE_NAMES order: a late line of an earlier
 * stage is ignored, a line of the same stage updates progress/detail (fields it does not mention are kept), a
 * later stage replaces the stage and sets `since` to `now`. Returns `current` itself (same object) when nothing
 * changes, so callers can skip broadcasting. Never yields `ready` (see the file comment).
 */
export function nextStage(current: Stage | null, line: string, now: number): Stage | null {
  if (current?.name === 'ready') return current;
  const detected = detectWithRule(line);
  if (!detected) return current;
  const found =
    current && detected.rule.measures && current.name === detected.hint.name
      ? mergeDownload(current, detected.hint, detected.rule.measures)
      : detected.hint;
  if (!current || stageRank(found.name) > stageRank(current.name)) return { ...found, since: now };
  if (found.name !== current.name) return current;
  const progress = found.progress ?? current.progress;
  const detail = found.detail ?? current.detail;
  if (progress === current.progress && detail === current.detail) return current;
  const next: Stage = hint(current.name, progress, detail);
  if (current.since !== undefined) next.since = current.since;
  return next;
}
