// The GPU lines of the machine check: the GPUs, the driver and other processes holding GPU memory.
import type { CheckItem, GpuProcess, GpuSummary, NvidiaReport } from './types';

const NO_VLLM = 'vLLM needs one; the demo engine, llama.cpp on the CPU and external servers still work.';

export const formatGiB = (mib: number) => `${(mib / 1024).toFixed(1)} GiB`;

function describeGpu(gpu: GpuSummary): string {
  const memory = gpu.memoryTotalMiB === null ? 'memory unknown' : formatGiB(gpu.memoryTotalMiB);
  const used = gpu.memoryUsedMiB === null ? '' : `, ${formatGiB(gpu.memoryUsedMiB)} in use`;
  const capability =
    gpu.computeCapability === null
      ? 'compute capability unknown'
      : `compute capability ${gpu.computeCapability.toFixed(1)}`;
  return `GPU ${gpu.index}: ${gpu.name}, ${memory}${used}, ${capability}.`;
}

/** More than a tenth in use: vLLM's default 0.9 memory share will refuse to start. */
const isBusy = (gpu: GpuSummary) =>
  gpu.memoryTotalMiB !== null && gpu.memoryUsedMiB !== null && gpu.memoryUsedMiB > gpu.memoryTotalMiB * 0.1;

function gpuItem(nvidia: NvidiaReport): CheckItem {
  const item = { id: 'gpu', label: 'GPU' };
  switch (nvidia.status) {
    case 'missing':
      return {
        ...item,
        status: 'error',
        value: 'none',
        sentence: `No NVIDIA GPU: nvidia-smi is not installed. ${NO_VLLM}`,
      };
    case 'no-devices':
      return {
        ...item,
        status: 'error',
        value: 'none',
        sentence: `nvidia-smi finds no usable GPU ("${nvidia.message}"). ${NO_VLLM}`,
      };
    case 'failed':
      return { ...item, status: 'error', value: 'unknown', sentence: `nvidia-smi failed: ${nvidia.message}` };
    case 'timed-out':
      return {
        ...item,
        status: 'warn',
        value: 'unknown',
        sentence:
          'nvidia-smi did not answer in time: the driver may be busy or stuck. Check again in a moment.',
      };
  }
  const { gpus } = nvidia;
  if (gpus.length === 0) {
    return { ...item, status: 'error', value: 'none', sentence: `nvidia-smi lists no GPU. ${NO_VLLM}` };
  }
  const names = [...new Set(gpus.map((g) => g.name))];
  const value = names.length === 1 ? `${gpus.length} × ${names[0]}` : names.join(', ');
  const busy = gpus.filter(isBusy);
  const warning = busy.length
    ? ` More than a tenth of GPU ${busy.map((g) => g.index).join(', ')} is in use: vLLM's default 0.9 memory share will not start until it is freed.`
    : '';
  return {
    ...item,
    status: busy.length ? 'warn' : 'ok',
    value,
    sentence: gpus.map(describeGpu).join(' ') + warning,
  };
}

function driverItem(driverVersion: string | null, cudaVersion: string | null): CheckItem {
  const value = `${driverVersion ?? 'unknown'} · CUDA ${cudaVersion ?? 'unknown'}`;
  const item = { id: 'driver', label: 'Driver and CUDA', value };
  const major = cudaVersion ? Number(cudaVersion.split('.')[0]) : null;
  if (major !== null && major < 12) {
    return {
      ...item,
      status: 'warn',
      sentence: `Driver ${driverVersion ?? ''} supports CUDA up to ${cudaVersion}; current vLLM wheels are built for CUDA 12 or newer: update the driver or use an older vLLM.`,
    };
  }
  return {
    ...item,
    status: 'ok',
    sentence: `Driver ${driverVersion ?? 'version unknown'} supports CUDA up to ${cudaVersion ?? 'an unknown version'}.`,
  };
}

function processesItem(processes: readonly GpuProcess[]): CheckItem {
  const item = { id: 'gpu-processes', label: 'Other GPU processes' };
  const others = processes.filter((p) => !p.isCurrentEngine);
  const sum = (list: readonly GpuProcess[]) => list.reduce((n, p) => n + (p.usedMemoryMiB ?? 0), 0);
  if (others.length === 0) {
    const ours = processes.length
      ? `Only this app's engine holds GPU memory (${formatGiB(sum(processes))}).`
      : 'No process holds GPU memory.';
    return { ...item, status: 'ok', value: 'none', sentence: ours };
  }
  const list = others
    .slice(0, 5)
    .map(
      (p) =>
        `${p.name || 'unknown'} (pid ${p.pid}${p.usedMemoryMiB === null ? '' : `, ${formatGiB(p.usedMemoryMiB)}`})`,
    )
    .join(', ');
  return {
    ...item,
    status: 'warn',
    value: `${others.length} (${formatGiB(sum(others))})`,
    sentence: `${others.length === 1 ? '1 other process holds' : `${others.length} other processes hold`} ${formatGiB(sum(others))} of GPU memory: ${list}. An engine left over from an earlier run is the usual cause: stop it before launching.`,
  };
}

export function gpuItems(nvidia: NvidiaReport): CheckItem[] {
  if (nvidia.status !== 'ok' || nvidia.gpus.length === 0) return [gpuItem(nvidia)];
  return [
    gpuItem(nvidia),
    driverItem(nvidia.driverVersion, nvidia.cudaVersion),
    processesItem(nvidia.processes),
  ];
}
