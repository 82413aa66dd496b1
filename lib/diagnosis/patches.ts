// Patch builders used by the rule table: each reads the numbers a failure message prints and turns them into
// launch-option changes. Bounds follow the launch form's schema so a patch never produces an invalid launch.
import type { DiagnosisPatch } from './types';

const MIN_CONTEXT = 256;
const MAX_IMAGES = 16;
const MIN_USEFUL_MEMORY_SHARE = 0.3;
// Free memory fluctuates by a few hundred MiB between the check and the relaunch.
const MEMORY_SHARE_MARGIN = 0.02;

/** 24576 → "24,576", without depending on the runtime's locale data. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function firstInt(line: string, pattern: RegExp): number | null {
  const found = pattern.exec(line)?.[1];
  if (found === undefined) return null;
  const n = Number.parseInt(found, 10);
  return Number.isFinite(n) ? n : null;
}

function contextPatch(tokens: number | null): DiagnosisPatch | null {
  if (tokens === null || tokens < MIN_CONTEXT) return null;
  return { label: `Relaunch with context ${formatCount(tokens)}`, options: { maxModelLen: tokens } };
}

/** Early V1 wording gives only sizes: scale the context by available/needed, rounded down to 1,024 tokens. */
function scaledContext(line: string): number | null {
  const found =
    /max seq len \((\d+)\), \(([\d.]+) GiB KV cache is needed, which is larger than the available KV cache memory \(([\d.]+) GiB\)/i.exec(
      line,
    );
  const [tokens, needed, available] = [Number(found?.[1]), Number(found?.[2]), Number(found?.[3])];
  if (!(tokens > 0 && needed > 0 && available > 0)) return null;
  return Math.floor((tokens * available) / needed / 1024) * 1024;
}

/** KV cache too small: newer vLLM prints an estimate, older prints the tokens the cache holds or only sizes. */
export function kvCacheContextPatch(_match: RegExpExecArray, line: string): DiagnosisPatch | null {
  return contextPatch(
    firstInt(line, /estimated maximum model length is (\d+)/i) ??
      firstInt(line, /stored in KV cache \((\d+)\)/i) ??
      scaledContext(line),
  );
}

/** `derived max_model_len (max_position_embeddings=8192 or ...)` → the model's own limit. */
export function derivedContextPatch(_match: RegExpExecArray, line: string): DiagnosisPatch | null {
  return contextPatch(firstInt(line, /derived max_model_len \((?:\w+=)?(\d+)/i));
}

/** `Free memory on device (3.22/4.0 GiB)` → a memory share that fits in what is actually free. */
export function freeMemorySharePatch(_match: RegExpExecArray, line: string): DiagnosisPatch | null {
  const found = /\((\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*GiB\)/.exec(line);
  const free = Number(found?.[1]);
  const total = Number(found?.[2]);
  if (!(free > 0 && total > 0)) return null;
  const share = Math.floor((free / total - MEMORY_SHARE_MARGIN) * 100) / 100;
  // Below this the model will not fit anyway: freeing the GPU is the fix, not a smaller share.
  if (share < MIN_USEFUL_MEMORY_SHARE) return null;
  return memorySharePatch(Math.min(share, 0.99));
}

export function memorySharePatch(share: number): DiagnosisPatch {
  return {
    label: `Relaunch with GPU memory utilization ${share.toFixed(2)}`,
    options: { gpuMemoryUtilization: share },
  };
}

/** Sampler warm-up OOM with N dummy requests → a quarter of N, a common working value. */
export function fewerSequencesPatch(_match: RegExpExecArray, line: string): DiagnosisPatch | null {
  const n = firstInt(line, /with (\d+) dummy requests/i);
  if (n === null || n <= 8) return null;
  const seqs = Math.max(8, Math.floor(n / 4));
  return { label: `Relaunch with at most ${seqs} parallel requests`, options: { maxNumSeqs: seqs } };
}

/** uvicorn names the address it failed to bind; the next port up is usually free. */
export function nextPortPatch(_match: RegExpExecArray, line: string): DiagnosisPatch | null {
  const port = firstInt(line, /bind on address \([^,]*,\s*(\d+)\)/i);
  if (port === null || port < 1024 || port >= 65535) return null;
  return { label: `Relaunch on port ${port + 1}`, options: { port: port + 1 } };
}

/** Too many images: allow what the request sent, or double the printed limit when the count is not given. */
export function moreImagesPatch(_match: RegExpExecArray, line: string): DiagnosisPatch | null {
  const sent = firstInt(line, /passed (\d+) image/i);
  const limit = firstInt(line, /At most (\d+) image/i) ?? firstInt(line, /\bimage=(\d+)/i);
  const wanted = sent ?? (limit === null ? null : Math.max(4, limit * 2));
  if (wanted === null) return null;
  const images = Math.min(wanted, MAX_IMAGES);
  if (limit !== null && images <= limit) return null;
  return { label: `Relaunch allowing ${images} images per prompt`, options: { imagesPerPrompt: images } };
}

export function halfPrecisionPatch(): DiagnosisPatch {
  return { label: 'Relaunch with dtype half (float16)', options: { dtype: 'half' } };
}

export function trustRemoteCodePatch(): DiagnosisPatch {
  return { label: 'Relaunch with trust remote code', options: { trustRemoteCode: true } };
}

export function eagerModePatch(): DiagnosisPatch {
  return { label: 'Relaunch in eager mode (no compilation)', options: { enforceEager: true } };
}
