import 'server-only';
// Everything decided before a launch: validated options, the commands to run (the Hub download first when
// the weights are missing), where the engine will answer, and a fresh API key. Any problem here is the
// caller's to fix, so it surfaces as a 400 naming the field instead of a crashed launch.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { buildCommand, maskCommand, resolveOptions } from '@/lib/engine/build-command';
import { type EngineCapabilities, engineLabel, staticCapabilities } from '@/lib/engine/engine-help-table';
import { ENGINE_KIND_SPECS } from '@/lib/engine/engine-kinds';
import { HF_MODEL_ID } from '@/lib/engine/option-schemas';
import { type EngineProfile, findProfile } from '@/lib/engine/profiles';
import type { AppEnv } from '../env';
import { AppError, fieldError } from '../errors';
import { isModelCached, resolveHubDownloader } from '../hf-hub';
import { engineCapabilities } from './capabilities';
import { isDirectory, isRegularFile, which } from './executables';
import { ggufProblem } from './gguf-file';
import { enginePython } from './python';

export interface LaunchStep {
  kind: 'download' | 'engine';
  executable: string;
  args: string[];
  env: Record<string, string>;
  display: string[];
}

export interface LaunchPlan {
  launchId: string;
  profile: EngineProfile;
  options: Record<string, unknown>;
  apiKey: string | null;
  baseUrl: string;
  port: number | null;
  healthUrl: string;
  preferredModel?: string;
  steps: LaunchStep[];
  /** Where the flag knowledge came from, and what the builder changed because of it (for the launch log). */
  notes: string[];
  capabilities: EngineCapabilities;
}

const size = (v: unknown) => (typeof v === 'number' && v > 1 ? v : 1);

/**
 * Tensor × pipeline × data parallel sizes beyond the GPUs this machine has are a mistake to catch before a
 * long start, unless the Ray backend spreads them over a cluster this machine heads.
 */
export async function checkTensorParallel(
  plan: LaunchPlan,
  countGpus: () => Promise<number | null>,
): Promise<void> {
  const { options } = plan;
  const usesGpus = plan.profile.kind === 'vllm' || plan.profile.kind === 'sglang';
  if (!usesGpus || options.distributedExecutorBackend === 'ray') return;
  const tp = size(options.tensorParallelSize);
  const pp = size(options.pipelineParallelSize);
  const dp = size(options.dataParallelSize);
  const needed = tp * pp * dp;
  if (needed <= 1) return;
  const gpuCount = await countGpus();
  if (gpuCount === null || needed <= gpuCount) return;
  const field = pp > 1 ? 'pipelineParallelSize' : dp > 1 ? 'dataParallelSize' : 'tensorParallelSize';
  const product = pp > 1 || dp > 1 ? ` (tensor ${tp} × pipeline ${pp} × data ${dp})` : '';
  throw fieldError(
    `options.${field}`,
    `${needed} GPUs asked for${product}, but this machine has ${gpuCount}.`,
    'For more GPUs than one machine has, run this on the head of a Ray cluster with the executor backend "ray", or point the external profile at a multi-node vLLM deployment.',
  );
}

/** Asks the installed engine first (its version and flags), then plans the launch with that knowledge. */
export async function prepareLaunch(
  profileId: string,
  userOptions: Record<string, unknown>,
  env: AppEnv,
): Promise<LaunchPlan> {
  const profile = findProfile(profileId);
  const caps = profile ? await engineCapabilities(profile, env) : undefined;
  return planLaunch(profileId, userOptions, env, caps);
}

function capabilityNote(caps: EngineCapabilities): string {
  return caps.source === 'engine'
    ? `Flags checked against ${engineLabel(caps)}'s own help (${Object.keys(caps.flags).length} flags).`
    : `Flags checked against the built-in list (${caps.reason ?? 'engine not asked'}).`;
}

export function planLaunch(
  profileId: string,
  userOptions: Record<string, unknown>,
  env: AppEnv,
  capsIn?: EngineCapabilities,
): LaunchPlan {
  const profile = findProfile(profileId);
  if (!profile) {
    throw fieldError('profile', `unknown profile "${profileId}"`, 'GET /api/profiles lists them.');
  }
  const caps = capsIn ?? staticCapabilities(profile.kind, 'engine not asked');
  const resolved = resolveOptions(profile, userOptions, caps);
  if (!resolved.ok) {
    const first = resolved.issues[0];
    const hint =
      caps.source === 'static' && profile.kind !== 'external'
        ? `Checked against the built-in flag list (${caps.reason}).`
        : undefined;
    throw fieldError(String(first?.field), String(first?.message), hint);
  }
  const options = resolved.options;
  const launchId = randomUUID();
  const spec = ENGINE_KIND_SPECS[profile.kind];
  if (profile.kind === 'external') {
    const baseUrl = String(options.baseUrl).replace(/\/+$/, '').replace(/\/v1$/, '');
    const apiKey = (options.apiKey as string | undefined) ?? null;
    const model = options.model as string | undefined;
    return {
      launchId,
      profile,
      options,
      apiKey,
      baseUrl,
      port: null,
      healthUrl: `${baseUrl}/v1/models`,
      preferredModel: model,
      steps: [],
      notes: [],
      capabilities: caps,
    };
  }
  checkLocalFiles(options);
  const apiKey = randomBytes(24).toString('base64url');
  const port = Number(options.port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const { step: engine, notes } = engineStep(profile, options, env, apiKey, caps);
  const steps: LaunchStep[] = [];
  const model = typeof options.model === 'string' ? options.model : null;
  if (
    spec.hubDownload &&
    env.VLM_CONSOLE_HF_DOWNLOAD === 'auto' &&
    model &&
    HF_MODEL_ID.test(model) &&
    !isModelCached(model)
  ) {
    const downloader = resolveHubDownloader(enginePython(env));
    if (downloader) {
      const args = [...downloader.args, model];
      steps.push({
        kind: 'download',
        executable: downloader.executable,
        args,
        env: {},
        display: [downloader.executable, ...args],
      });
    }
  }
  steps.push(engine);
  return {
    launchId,
    profile,
    options,
    apiKey,
    baseUrl,
    port,
    healthUrl: `${baseUrl}${spec.healthPath}`,
    steps,
    notes: [capabilityNote(caps), ...notes],
    capabilities: caps,
  };
}

function engineStep(
  profile: EngineProfile,
  options: Record<string, unknown>,
  env: AppEnv,
  apiKey: string,
  caps: EngineCapabilities,
): { step: LaunchStep; notes: string[] } {
  const exe = profile.executable;
  const python = enginePython(env);
  if (exe.type === 'python-module' && !python) {
    throw new AppError(
      'conflict',
      `No Python found (${env.VLM_CONSOLE_PYTHON ?? 'python3 on PATH'}).`,
      'Set VLM_CONSOLE_PYTHON to the python of the environment where vLLM is installed, or use the demo profile.',
    );
  }
  let binary: string | undefined;
  if (exe.type === 'binary') {
    const configured = process.env[exe.envOverride];
    binary = (configured ? which(configured) : which(exe.name)) ?? undefined;
    if (!binary) {
      throw new AppError(
        'conflict',
        `${exe.name} was not found.`,
        `Put it on PATH or set ${exe.envOverride} to its path.`,
      );
    }
  }
  const command = buildCommand(
    profile,
    options,
    {
      python: python ?? 'python3',
      node: process.execPath,
      appDir: process.cwd(),
      binary,
      host: '127.0.0.1',
      apiKey,
    },
    caps,
  );
  if (!command) throw new AppError('internal', 'This profile launches nothing.');
  const secrets = [apiKey, env.HF_TOKEN, process.env.VLM_CONSOLE_TOKEN].filter((s): s is string =>
    Boolean(s),
  );
  const { notes, ...run } = command;
  return { step: { kind: 'engine', ...run, display: maskCommand(command, secrets) }, notes };
}

/** A model given as a path must be a folder; a GGUF or projector must be a regular file. */
function checkLocalFiles(options: Record<string, unknown>): void {
  const model = options.model;
  if (typeof model === 'string' && path.isAbsolute(model) && !isDirectory(model)) {
    throw fieldError('options.model', `${model} is not a folder on this machine`);
  }
  for (const key of ['modelFile', 'mmproj'] as const) {
    const file = options[key];
    if (typeof file === 'string' && !isRegularFile(file)) {
      throw fieldError(`options.${key}`, `${file} does not exist or is not a regular file`);
    }
    const problem = typeof file === 'string' ? ggufProblem(file) : null;
    if (problem) throw fieldError(`options.${key}`, problem);
  }
}
