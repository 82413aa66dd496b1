// Parsers for nvidia-smi's output. This module alone knows its query flags and output quirks; the runner in
// lib/server/system/nvidia-smi.ts only executes them. Pure, so they are tested on recorded samples.
import { capabilityFromName } from './gpu-capabilities';
import type { GpuSummary } from './types';

/** The GPU query, in column order. Drivers before 510 reject `compute_cap`: the runner then drops it. */
export const GPU_FIELDS = ['index', 'name', 'memory.total', 'memory.used', 'compute_cap', 'driver_version'];
export const GPU_FIELDS_OLD_DRIVER = GPU_FIELDS.filter((f) => f !== 'compute_cap');
export const APP_FIELDS = ['pid', 'process_name', 'used_memory'];

export const gpuQueryArgs = (fields: readonly string[]) => [
  `--query-gpu=${fields.join(',')}`,
  '--format=csv,noheader,nounits',
];
export const appQueryArgs = () => [
  `--query-compute-apps=${APP_FIELDS.join(',')}`,
  '--format=csv,noheader,nounits',
];

export interface GpuQueryResult {
  gpus: GpuSummary[];
  driverVersion: string | null;
}

/** `Field "compute_cap" is not a valid field to query.` (exit code 2) from drivers that predate the field. */
export function rejectsField(output: string, field: string): boolean {
  return output.includes(`"${field}" is not a valid field`);
}

/** Values such as `[N/A]` or `[Not Supported]` become null. */
function cell(value: string | undefined): string | null {
  const v = value?.trim() ?? '';
  return v === '' || v.startsWith('[') ? null : v;
}

function numberCell(value: string | undefined): number | null {
  const v = cell(value);
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Parses `--query-gpu=<fields> --format=csv,noheader,nounits`. Names never contain commas in practice, but a
 * row with more cells than fields keeps the extra text in the name rather than shifting every column.
 */
export function parseGpuQuery(stdout: string, fields: readonly string[]): GpuQueryResult {
  const gpus: GpuSummary[] = [];
  let driverVersion: string | null = null;
  const nameAt = fields.indexOf('name');
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    let cells = line.split(',');
    const extra = cells.length - fields.length;
    if (extra < 0) continue;
    if (extra > 0 && nameAt >= 0) {
      cells = [
        ...cells.slice(0, nameAt),
        cells.slice(nameAt, nameAt + extra + 1).join(','),
        ...cells.slice(nameAt + extra + 1),
      ];
    }
    const get = (field: string) => cells[fields.indexOf(field)];
    const index = numberCell(get('index'));
    const name = cell(get('name'));
    if (index === null || name === null) continue;
    gpus.push({
      index,
      name,
      memoryTotalMiB: numberCell(get('memory.total')),
      memoryUsedMiB: numberCell(get('memory.used')),
      computeCapability: numberCell(get('compute_cap')) ?? capabilityFromName(name),
    });
    driverVersion ??= cell(get('driver_version'));
  }
  return { gpus, driverVersion };
}

/** `CUDA Version: 12.4` from the header of plain `nvidia-smi` (the highest CUDA the driver supports). */
export function parseCudaVersion(stdout: string): string | null {
  return /CUDA Version:\s*(\d+\.\d+)/.exec(stdout)?.[1] ?? null;
}

export interface ComputeApp {
  pid: number;
  name: string;
  usedMemoryMiB: number | null;
}

/** Parses `--query-compute-apps=pid,process_name,used_memory`; an empty output means no process holds memory. */
export function parseComputeApps(stdout: string): ComputeApp[] {
  const apps: ComputeApp[] = [];
  for (const line of stdout.split('\n')) {
    const cells = line.split(',');
    if (cells.length < 3) continue;
    const pid = numberCell(cells[0]);
    // A process path may contain commas; the memory is always the last cell.
    const name = cells.slice(1, -1).join(',').trim();
    if (pid === null) continue;
    apps.push({ pid, name, usedMemoryMiB: numberCell(cells[cells.length - 1]) });
  }
  return apps;
}

/** nvidia-smi's own explanation when it has no GPU to talk to (exit codes 6 and 9). */
export function isNoDeviceMessage(output: string): boolean {
  return /No devices were found|couldn't communicate with the NVIDIA driver|NVIDIA driver is not loaded/i.test(
    output,
  );
}
