// The machine check on a real NVIDIA H200 (tests/fixtures/real/h200-machine-check.json holds what nvidia-smi
// and the Python probe printed there): the parsers and the check items, as a person reads them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkItems } from './check-items';
import { GPU_FIELDS, parseComputeApps, parseCudaVersion, parseGpuQuery } from './nvidia-smi';
import { parsePythonProbe } from './python-probe';
import type { NvidiaReport } from './types';

interface Run {
  stdout: string;
}
const real = JSON.parse(readFileSync('tests/fixtures/real/h200-machine-check.json', 'utf8')) as {
  idle: { gpu_query: Run; plain: Run; apps_idle: Run };
  busy_8gib: { holder_pid: number; gpu_query: Run; plain: Run; apps: Run };
  python_probe: { probe_cold: Run & { cmd: string[] } };
};

function nvidia(run: { gpu_query: Run; plain: Run }, apps: Run): NvidiaReport {
  const { gpus, driverVersion } = parseGpuQuery(run.gpu_query.stdout, GPU_FIELDS);
  return {
    status: 'ok',
    gpus,
    driverVersion,
    cudaVersion: parseCudaVersion(run.plain.stdout),
    processes: parseComputeApps(apps.stdout).map((a) => ({ ...a, isCurrentEngine: false })),
  };
}

const python = parsePythonProbe(real.python_probe.probe_cold.stdout, {
  executable: '/opt/torch/.venv/bin/python3',
  timedOut: false,
  stderr: '',
});

const facts = (report: NvidiaReport) => ({
  nvidia: report,
  python,
  disk: {
    status: 'ok' as const,
    path: '/root/.cache/huggingface/hub',
    freeBytes: 500 * 1024 ** 3,
    totalBytes: 1000 * 1024 ** 3,
  },
  hfToken: { env: false, savedLogin: false },
  nodeVersion: '22.12.0',
});

const text = (report: NvidiaReport) =>
  checkItems(facts(report))
    .map((i) => `${i.id} [${i.status}]: ${i.value} — ${i.sentence}`)
    .join('\n');

describe('the machine check on a real H200', () => {
  const idle = nvidia(real.idle, real.idle.apps_idle);
  const busy = nvidia(real.busy_8gib, real.busy_8gib.apps);

  it('reads the GPU: name, memory, compute capability, driver and CUDA version', () => {
    expect(idle.status === 'ok' && idle.gpus).toEqual([
      { index: 0, name: 'NVIDIA H200', memoryTotalMiB: 143771, memoryUsedMiB: 0, computeCapability: 9 },
    ]);
    expect(idle.status === 'ok' && idle.driverVersion).toBe('580.159.04');
    expect(idle.status === 'ok' && idle.cudaVersion).toBe('13.0');
  });

  it('reads torch from the Python probe: its CUDA build and that CUDA works', () => {
    expect(python).toMatchObject({ status: 'ok', version: '3.12.3', vllm: { version: null } });
    expect(python.status === 'ok' && python.torch).toMatchObject({
      status: 'ok',
      version: '2.11.0+cu130',
      cuda: '13.0',
      cudaAvailable: true,
    });
  });

  it('shows a person the H200, its memory, the driver, CUDA 13.0 and torch', () => {
    const shown = text(idle);
    expect(shown).toContain(
      'gpu [ok]: 1 × NVIDIA H200 — GPU 0: NVIDIA H200, 140.4 GiB, 0.0 GiB in use, compute capability 9.0.',
    );
    expect(shown).toContain(
      'driver [ok]: 580.159.04 · CUDA 13.0 — Driver 580.159.04 supports CUDA up to 13.0.',
    );
    expect(shown).toContain(
      'torch [ok]: 2.11.0+cu130 (CUDA 13.0) — torch 2.11.0+cu130, built for CUDA 13.0. It sees the GPU.',
    );
    expect(shown).toContain('gpu-processes [ok]: none');
    // That machine had torch but no vLLM: the check says so in red, with what to do.
    expect(shown).toMatch(
      /vllm \[error\]: not installed — vLLM is not installed in \/opt\/torch\/\.venv\/bin\/python3/,
    );
  });

  it('names the other process that holds 8 GiB of the GPU', () => {
    expect(busy.status === 'ok' && busy.processes).toEqual([
      { pid: real.busy_8gib.holder_pid, name: 'python3', usedMemoryMiB: 8802, isCurrentEngine: false },
    ]);
    const shown = text(busy);
    expect(shown).toContain(
      'gpu-processes [warn]: 1 (8.6 GiB) — 1 other process holds 8.6 GiB of GPU memory: python3 (pid 496, 8.6 GiB).',
    );
    expect(shown).toContain('8.6 GiB in use');
  });
});
