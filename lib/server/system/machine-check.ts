import 'server-only';
// The machine check behind GET /api/system: runs every probe at once, turns the answers into plain lines and
// says which profiles fit the GPUs. The answer is cached for 30 s (nvidia-smi and a torch import are slow)
// and shared by concurrent requests; `refresh` forces a new one. Touch this file to add a probe.
import { PROFILES } from '@/lib/engine/profiles';
import { isActive } from '@/lib/engine/state-machine';
import { findLaunchProcesses } from '@/lib/node/process-scan.mjs';
import { checkItems } from '@/lib/system/check-items';
import { fitProfiles } from '@/lib/system/profile-fit';
import type { SystemReport } from '@/lib/system/types';
import { vllmFlagsCheck } from '../engine/capabilities';
import { getSupervisor } from '../engine/instance';
import { enginePython } from '../engine/python';
import { getEnv } from '../env';
import { hasSavedLogin, hubCacheDir } from '../hf-hub';
import { probeDisk } from './disk';
import { probeNvidiaSmi } from './nvidia-smi';
import { probePython } from './python-probe';

const TTL_MS = 30_000;
const KEY = Symbol.for('vlm-console.machine-check');

// On globalThis: Next bundles each route separately, and one cached answer should serve them all.
type Holder = { [KEY]?: { at: number; report: Promise<SystemReport> } };

/** Processes of the running launch (if any): their GPU memory is ours, not another program's. */
async function enginePids(): Promise<{ pids: Set<number>; active: boolean }> {
  const status = (await getSupervisor()).getStatus();
  if (!isActive(status.state) || (!status.pid && !status.launchId)) return { pids: new Set(), active: false };
  const pids = findLaunchProcesses({ pgid: status.pid, launchId: status.launchId });
  if (status.pid) pids.push(status.pid);
  return { pids: new Set(pids), active: true };
}

async function runCheck(): Promise<SystemReport> {
  const env = getEnv();
  const checkedAt = Date.now();
  const engine = await enginePids();
  const [nvidia, python, disk, vllmFlags] = await Promise.all([
    probeNvidiaSmi({ enginePids: engine.pids }),
    probePython({ python: enginePython(env), configured: env.VLM_CONSOLE_PYTHON }),
    probeDisk(hubCacheDir()),
    // Asking vLLM for its help also warms the cache the next launch reads.
    vllmFlagsCheck(env),
  ]);
  const items = checkItems({
    nvidia,
    python,
    disk,
    hfToken: { env: Boolean(env.HF_TOKEN), savedLogin: hasSavedLogin() },
    nodeVersion: process.versions.node,
  });
  if (vllmFlags) items.splice(items.findIndex((i) => i.id === 'vllm') + 1, 0, vllmFlags);
  const gpus = nvidia.status === 'ok' ? nvidia.gpus : [];
  return {
    checkedAt,
    items,
    gpus,
    gpuProcesses: nvidia.status === 'ok' ? nvidia.processes : [],
    // While this app's engine runs, the memory it holds says nothing about whether a launch would fit.
    profiles: fitProfiles(PROFILES, gpus, { countUsedMemory: !engine.active }),
  };
}

export function checkMachine({ refresh = false } = {}): Promise<SystemReport> {
  const holder = globalThis as Holder;
  const cached = holder[KEY];
  if (!refresh && cached && Date.now() - cached.at < TTL_MS) return cached.report;
  const report = runCheck();
  // A check in progress counts as fresh; its 30 s start when it ends. A failed check is not kept.
  const entry = { at: Number.POSITIVE_INFINITY, report };
  holder[KEY] = entry;
  report.then(
    () => {
      entry.at = Date.now();
    },
    () => {
      if (holder[KEY] === entry) delete holder[KEY];
    },
  );
  return report;
}
