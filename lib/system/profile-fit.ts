// Will a profile run on the GPUs found? A quick, conservative answer for the profile picker, so nobody waits
// ten minutes for a download that cannot load. Pure: GPUs and the profile in, a verdict and a reason out.
//   no    — the weights plus a minimal KV cache exceed the memory, or the kernels need a newer GPU
//   tight — it fits only with the memory share raised and a short context, or needs a flag (bf16 on sm < 8.0)
//   fits  — it fits at the profile's memory share with room for its KV cache
import type { EngineProfile } from '@/lib/engine/profiles';
import type { GpuSummary, ProfileFit } from './types';

const MIB_PER_GIB = 1024;
/** Names of quantised checkpoints; anything else on vLLM/SGLang is assumed to be bf16, as most cards are. */
const QUANTISED = /awq|gptq|int4|int8|[48]-?bit|fp8|gguf|bnb|w4a16|w8a8|nf4/i;

const gib = (mib: number) => mib / MIB_PER_GIB;
const fmt = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} GiB`;
const cc = (value: number) => value.toFixed(1);

function optionNumber(
  profile: EngineProfile,
  options: Record<string, unknown>,
  key: string,
  fallback: number,
) {
  const value = options[key] ?? profile.defaults[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** bf16 weights on a GPU without bfloat16 (compute capability < 8.0) need `--dtype half`. */
function needsHalf(
  profile: EngineProfile,
  options: Record<string, unknown>,
  capability: number | null,
): boolean {
  if (capability === null || capability >= 8.0) return false;
  if (profile.kind !== 'vllm' && profile.kind !== 'sglang') return false;
  const dtype = options.dtype ?? profile.defaults.dtype;
  if (dtype === 'half' || dtype === 'float16' || dtype === 'float32') return false;
  const quantization = options.quantization ?? profile.defaults.quantization;
  const model = String(options.model ?? profile.defaults.model ?? '');
  return !quantization && !QUANTISED.test(model);
}

function withoutRequirement(profile: EngineProfile, gpus: readonly GpuSummary[]): ProfileFit {
  if (profile.kind === 'demo') return { fit: 'fits', reason: 'Needs no GPU.' };
  if (profile.kind === 'external') {
    return { fit: 'fits', reason: 'Runs on another server: the GPUs of this machine do not matter.' };
  }
  if (profile.kind === 'llama-cpp') {
    return {
      fit: 'fits',
      reason: 'Runs on the CPU too (slowly); how much GPU it needs depends on the GGUF file.',
    };
  }
  if (gpus.length === 0) return { fit: 'no', reason: 'Needs an NVIDIA GPU, and none was found.' };
  return {
    fit: 'fits',
    reason: 'Depends on the model you choose: its card says how much GPU memory it needs.',
  };
}

/** A hint when the memory is short on one GPU but the GPUs together would do. */
function parallelHint(need: number, gpus: readonly GpuSummary[], tp: number): string {
  if (gpus.length <= tp) return '';
  const smallest = Math.min(...gpus.map((g) => g.memoryTotalMiB ?? 0));
  return gib(smallest) * gpus.length >= need
    ? ` With tensor-parallel size ${gpus.length} (all ${gpus.length} GPUs) it would fit.`
    : '';
}

interface Selection {
  name: string;
  /** GiB over the GPUs in use: the smallest one's memory × their count. */
  capacity: number;
  /** Lowest compute capability among them; null when unknown. */
  capability: number | null;
  /** Share of the fullest GPU's memory still free, 0–1; null when nvidia-smi did not say. */
  freeShare: number | null;
}

function select(gpus: readonly GpuSummary[], tp: number): Selection | null {
  // vLLM uses the first `tp` visible GPUs and splits the weights evenly: the smallest one sets the limit.
  const used = gpus.slice(0, tp);
  const totals = used.map((g) => g.memoryTotalMiB);
  if (totals.some((t) => t === null || t <= 0)) return null;
  const caps = used.map((g) => g.computeCapability);
  const free = used.map((g) =>
    g.memoryUsedMiB === null || !g.memoryTotalMiB ? null : 1 - g.memoryUsedMiB / g.memoryTotalMiB,
  );
  return {
    name: used.length === 1 ? (used[0]?.name ?? 'the GPU') : `${tp} × ${used[0]?.name ?? 'GPU'}`,
    capacity: gib(Math.min(...(totals as number[]))) * tp,
    capability: caps.includes(null) ? null : Math.min(...(caps as number[])),
    freeShare: free.includes(null) ? null : Math.min(...(free as number[])),
  };
}

export interface FitContext {
  /** False while this app's own engine holds the memory: the check is about launching, not about now. */
  countUsedMemory?: boolean;
}

export function profileFit(
  profile: EngineProfile,
  gpus: readonly GpuSummary[],
  options: Record<string, unknown> = {},
  context: FitContext = {},
): ProfileFit {
  const requirement = profile.gpu;
  if (!requirement) return withoutRequirement(profile, gpus);
  if (gpus.length === 0) return { fit: 'no', reason: 'Needs an NVIDIA GPU, and none was found.' };
  const tp = Math.max(1, Math.round(optionNumber(profile, options, 'tensorParallelSize', 1)));
  if (gpus.length < tp)
    return { fit: 'no', reason: `Set for ${tp} GPUs (tensor-parallel), but ${gpus.length} found.` };
  const gpu = select(gpus, tp);
  if (!gpu)
    return { fit: 'tight', reason: 'nvidia-smi did not report the GPU memory; it may or may not fit.' };
  const { name, capacity, capability } = gpu;
  const need = requirement.minMemoryGiB;
  const hint = parallelHint(need, gpus, tp);
  const problems: string[] = [];
  if (need > capacity) {
    problems.push(
      `Needs about ${fmt(need)} (weights plus a minimal KV cache); ${name} has ${fmt(capacity)}.${hint}`,
    );
  }
  const minCc = requirement.minComputeCapability;
  if (minCc !== undefined && capability !== null && capability < minCc) {
    problems.push(
      `Its kernels need compute capability ${cc(minCc)} or newer; ${name} has ${cc(capability)}.`,
    );
  }
  if (problems.length > 0) return { fit: 'no', reason: problems.join(' ') };
  const share = optionNumber(profile, options, 'gpuMemoryUtilization', 0.9);
  if (need > capacity * share) {
    return {
      fit: 'tight',
      reason: `Needs about ${fmt(need)} of the ${fmt(capacity)} on ${name}: raise the GPU memory share to 0.95 and keep the context short (8,192).${hint}`,
    };
  }
  // vLLM refuses to start when less than its memory share of the GPU is free.
  if (context.countUsedMemory !== false && gpu.freeShare !== null && gpu.freeShare < share) {
    return {
      fit: 'tight',
      reason: `Other processes hold ${Math.round((1 - gpu.freeShare) * 100)} % of ${name}'s memory, and vLLM wants ${share} of it free at start: stop them first.`,
    };
  }
  if (needsHalf(profile, options, capability)) {
    return {
      fit: 'tight',
      reason: `bf16 weights, and ${name} (compute capability ${cc(capability ?? 0)}) has no bfloat16: launch with data type half.`,
      patch: { dtype: 'half' },
    };
  }
  return {
    fit: 'fits',
    reason: `Needs about ${fmt(need)}; ${name} has ${fmt(capacity)}, about ${fmt(capacity * share - need)} left for the KV cache at a ${share} memory share.`,
  };
}

export function fitProfiles(
  profiles: readonly EngineProfile[],
  gpus: readonly GpuSummary[],
  context: FitContext = {},
): Record<string, ProfileFit> {
  return Object.fromEntries(profiles.map((p) => [p.id, profileFit(p, gpus, {}, context)]));
}
