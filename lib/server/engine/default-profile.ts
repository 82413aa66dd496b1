import 'server-only';
// Which profile the launcher preselects: the first of PREFERENCES whose needs this machine meets — ERNIE where
// a GPU and vLLM are present, llama.cpp's server where a GPU and llama-server are but vLLM is not — and the
// demo engine elsewhere, so that a machine without a GPU still shows the whole flow in a minute.
import { execFile } from 'node:child_process';
import { findProfile } from '@/lib/engine/profiles';
import type { AppEnv } from '../env';
import { which } from './executables';
import { enginePython } from './python';

/** What the machine has, as far as choosing a profile goes. */
export interface MachineTraits {
  gpu: boolean;
  vllm: boolean;
  llamaServer: boolean;
}

type Need = keyof MachineTraits;

/** In order of preference; the first whose needs are all met wins. */
const PREFERENCES: readonly { profile: string; needs: readonly Need[] }[] = [
  { profile: 'ernie-4.5-vl-thinking-awq', needs: ['gpu', 'vllm'] },
  { profile: 'llama-cpp', needs: ['gpu', 'llamaServer'] },
];
const FALLBACK = 'demo';

let cached: Promise<string> | null = null;

function output(file: string, args: string[], timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs }, (error, stdout) => resolve(error ? null : stdout.trim()));
  });
}

/** Pure: the preferred profile for a machine with `traits`. */
export function chooseDefaultProfile(traits: MachineTraits): string {
  return PREFERENCES.find((p) => p.needs.every((need) => traits[need]))?.profile ?? FALLBACK;
}

/** Looks at the machine: a GPU nvidia-smi lists, vLLM importable by the engine Python, llama-server found. */
export async function machineTraits(env: AppEnv): Promise<MachineTraits> {
  const smi = which('nvidia-smi');
  const python = enginePython(env);
  const llamaServer = which(env.VLM_CONSOLE_LLAMA_SERVER ?? 'llama-server') !== null;
  const [gpu, vllm] = await Promise.all([
    smi
      ? output(smi, ['--query-gpu=name', '--format=csv,noheader'], 5000).then((out) => Boolean(out))
      : false,
    // find_spec does not import vLLM (which takes seconds), it only checks that it is installed.
    python
      ? output(
          python,
          ['-c', "import importlib.util as u; print('yes' if u.find_spec('vllm') else 'no')"],
          10_000,
        ).then((out) => out === 'yes')
      : false,
  ]);
  return { gpu, vllm, llamaServer };
}

export function defaultProfileId(env: AppEnv): Promise<string> {
  if (env.VLM_CONSOLE_DEFAULT_PROFILE && findProfile(env.VLM_CONSOLE_DEFAULT_PROFILE)) {
    return Promise.resolve(env.VLM_CONSOLE_DEFAULT_PROFILE);
  }
  cached ??= machineTraits(env).then(chooseDefaultProfile);
  return cached;
}
