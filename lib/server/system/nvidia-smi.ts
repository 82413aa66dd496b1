import 'server-only';
// Asks nvidia-smi about the GPUs, the driver's CUDA version and the processes holding GPU memory. The flags
// and output quirks live in lib/system/nvidia-smi.ts; this module only runs the program.
import {
  appQueryArgs,
  GPU_FIELDS,
  GPU_FIELDS_OLD_DRIVER,
  gpuQueryArgs,
  isNoDeviceMessage,
  parseComputeApps,
  parseCudaVersion,
  parseGpuQuery,
  rejectsField,
} from '@/lib/system/nvidia-smi';
import type { GpuProcess, NvidiaReport } from '@/lib/system/types';
import { which } from '../engine/executables';
import { type CommandResult, runCommand } from './run-command';

const TIMEOUT_MS = 10_000;

export interface NvidiaProbeOptions {
  /** The program to run; found on PATH by default. */
  executable?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Pids of this app's running engine, so its own memory is not reported as someone else's. */
  enginePids?: ReadonlySet<number>;
}

function firstLine(result: CommandResult): string {
  const text = `${result.stdout}\n${result.stderr}`.trim();
  return text.split('\n')[0]?.trim().slice(0, 300) || `exit code ${result.code}`;
}

async function queryGpus(smi: string, env: NodeJS.ProcessEnv | undefined) {
  let fields = GPU_FIELDS;
  let result = await runCommand(smi, gpuQueryArgs(fields), { timeoutMs: TIMEOUT_MS, env });
  // Drivers before 510 have no compute_cap field: ask again without it and go by the GPU's name.
  if (result.code !== 0 && rejectsField(result.stdout + result.stderr, 'compute_cap')) {
    fields = GPU_FIELDS_OLD_DRIVER;
    result = await runCommand(smi, gpuQueryArgs(fields), { timeoutMs: TIMEOUT_MS, env });
  }
  return { result, fields };
}

export async function probeNvidiaSmi(opts: NvidiaProbeOptions = {}): Promise<NvidiaReport> {
  const smi = opts.executable === undefined ? which('nvidia-smi') : opts.executable;
  if (!smi) return { status: 'missing' };
  const { result, fields } = await queryGpus(smi, opts.env);
  if (result.missing) return { status: 'missing' };
  if (result.timedOut) return { status: 'timed-out' };
  if (result.code !== 0) {
    const message = firstLine(result);
    return isNoDeviceMessage(`${result.stdout}\n${result.stderr}`)
      ? { status: 'no-devices', message }
      : { status: 'failed', message };
  }
  const { gpus, driverVersion } = parseGpuQuery(result.stdout, fields);
  // The header and the process list are extras: their failure must not hide the GPUs.
  const [plain, apps] = await Promise.all([
    runCommand(smi, [], { timeoutMs: TIMEOUT_MS, env: opts.env }),
    runCommand(smi, appQueryArgs(), { timeoutMs: TIMEOUT_MS, env: opts.env }),
  ]);
  const processes: GpuProcess[] = (apps.code === 0 ? parseComputeApps(apps.stdout) : []).map((app) => ({
    ...app,
    isCurrentEngine: opts.enginePids?.has(app.pid) ?? false,
  }));
  return {
    status: 'ok',
    gpus,
    driverVersion,
    cudaVersion: plain.code === 0 ? parseCudaVersion(plain.stdout) : null,
    processes,
  };
}
