// Which engine wrote a log. A launch knows its engine kind; a pasted log does not, so its wording decides:
// each engine's logs carry names no other engine prints (llama.cpp's C function heads, SGLang's module paths
// and `[date TP0]` heads, vLLM's process tags). The guess is shown to the user next to the diagnosis.
import type { EngineKind } from '@/lib/engine/engine-kinds';
import type { EngineFamily } from './types';

interface Signature {
  engine: EngineFamily;
  pattern: RegExp;
}

/** Tested against raw lines; one hit per line and engine counts. */
const SIGNATURES: readonly Signature[] = [
  {
    engine: 'llama-cpp',
    pattern:
      /\b(?:llama_model_load\w*|llama_model_loader|llm_load_\w+|load_tensors|gguf_init_from_file|ggml_[a-z_]+|print_info|common_init_from_params|llama_(?:kv_cache_init|init_from_model|new_context_with_model|context)|alloc_tensor_range|clip_model_loader|mtmd_init_from_file|llama-server)\b|\bllama_[a-z_]+:|error loading model:|\.gguf\b|\bsrv {2,}\S|^(?:> )?main: /,
  },
  {
    engine: 'sglang',
    pattern:
      /\bsglang\b|sgl[-_]kernel|^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?: (?:DP|TP|PP|EP)\d+)+\]|Scheduler hit an exception|--mem-fraction-static/i,
  },
  {
    engine: 'vllm',
    pattern:
      /\bvllm\b|\bvLLM\b|\((?:APIServer|EngineCore\w*|VllmWorker\w*|Worker_TP\d+\w*) pid=\d+|EngineCore|gpu_model_runner/i,
  },
];

/** The diagnosis engine for a launch's engine kind; external servers write no log here, so they are guessed. */
export function engineFamilyOf(kind: EngineKind): EngineFamily | undefined {
  if (kind === 'vllm' || kind === 'demo') return 'vllm';
  if (kind === 'sglang' || kind === 'llama-cpp') return kind;
  return undefined;
}

// An engine's start-up banner says who wrote the log long before this many lines; past it, testing every line
// of a 20k-line log would only cost time.
const GUESS_LINES = 2000;

/** Counts engine signatures line by line; the engine with most hits wins, vLLM on a tie or no hit. */
export class EngineGuess {
  private readonly hits = new Map<EngineFamily, number>();
  private lines = 0;

  push(raw: string): void {
    if (this.lines++ >= GUESS_LINES) return;
    for (const { engine, pattern } of SIGNATURES) {
      if (pattern.test(raw)) this.hits.set(engine, (this.hits.get(engine) ?? 0) + 1);
    }
  }

  result(): EngineFamily {
    let best: EngineFamily = 'vllm';
    for (const { engine } of SIGNATURES) {
      if ((this.hits.get(engine) ?? 0) > (this.hits.get(best) ?? 0)) best = engine;
    }
    return best;
  }
}
