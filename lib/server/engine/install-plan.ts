import 'server-only';
// The facts the install planner (lib/engine/vllm-install.ts) decides from, read from this machine: the
// driver (nvidia-smi), uv on PATH, the Python the venv is made from, the state of the venv in the data dir
// and pip's own index settings. `GET /api/engine/install/plan` and the install job both come through here.
import fs from 'node:fs';
import path from 'node:path';
import { type DriverFacts, type InstallPlan, planInstall } from '@/lib/engine/vllm-install';
import type { AppEnv } from '../env';
import { probeNvidiaSmi } from '../system/nvidia-smi';
import { runCommand } from '../system/run-command';
import { resolvePython, which } from './executables';

export type VenvState = 'missing' | 'ready' | 'broken';

export function venvDir(env: AppEnv): string {
  return path.join(/*turbopackIgnore: true*/ env.dataDir, 'vllm-venv');
}

async function driverFacts(): Promise<DriverFacts | null> {
  const report = await probeNvidiaSmi();
  if (report.status !== 'ok') return null;
  const cuda = report.cudaVersion ? Number(report.cudaVersion) : Number.NaN;
  return { version: report.driverVersion, cuda: Number.isFinite(cuda) ? cuda : null };
}

/** A venv whose python does not run (half-made, or made by a Python since removed) is broken. */
export async function venvState(dir: string): Promise<VenvState> {
  if (!fs.existsSync(dir)) return 'missing';
  const python = path.join(/*turbopackIgnore: true*/ dir, 'bin', 'python');
  if (!fs.existsSync(python)) return 'broken';
  const result = await runCommand(python, ['-c', 'import sys'], { timeoutMs: 15_000 });
  return result.code === 0 ? 'ready' : 'broken';
}

const isOn = (value: string | undefined) => /^(?:1|true|yes|on)$/i.test(value ?? '');

export interface MachinePlan {
  plan: InstallPlan;
  venv: VenvState;
  venvDir: string;
}

const NO_PYTHON = {
  message: 'No python3 found to create the virtual environment with.',
  hint: 'Install Python 3.10–3.13 (with its venv module), or set VLM_CONSOLE_PYTHON to one.',
};

export async function machineInstallPlan(env: AppEnv, version?: string): Promise<MachinePlan> {
  const dir = venvDir(env);
  const [driver, venv] = await Promise.all([driverFacts(), venvState(dir)]);
  const python = resolvePython(env.VLM_CONSOLE_PYTHON, null);
  const plan = planInstall({
    driver,
    python: python ?? 'python3',
    venvDir: dir,
    uv: which('uv'),
    venvReady: venv === 'ready',
    indexUrl: process.env.PIP_INDEX_URL || null,
    noIndex: isOn(process.env.PIP_NO_INDEX),
    ...(version ? { version } : {}),
  });
  if (!python && !plan.refusal)
    return { plan: { ...plan, commands: [], steps: [], refusal: NO_PYTHON }, venv, venvDir: dir };
  return { plan, venv, venvDir: dir };
}
