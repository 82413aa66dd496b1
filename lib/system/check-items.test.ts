// What the machine check says about the probes' answers: colours and sentences people can act on.
import { describe, expect, it } from 'vitest';
import { checkItems, type MachineFacts } from './check-items';
import type { PythonReport, TorchReport } from './types';

const GIB = 1024 ** 3;

const python = (torch: TorchReport, vllm: string | null = '0.11.0'): PythonReport => ({
  status: 'ok',
  executable: '/usr/bin/python3',
  version: '3.12.11',
  vllm: { version: vllm, importable: vllm !== null },
  transformers: vllm ? '4.57.1' : null,
  torch,
});

const COLAB_A100: MachineFacts = {
  nvidia: {
    status: 'ok',
    gpus: [
      {
        index: 0,
        name: 'NVIDIA A100-SXM4-40GB',
        memoryTotalMiB: 40960,
        memoryUsedMiB: 4,
        computeCapability: 8,
      },
    ],
    driverVersion: '550.54.15',
    cudaVersion: '12.4',
    processes: [],
  },
  python: python({ status: 'ok', version: '2.5.1+cu124', cuda: '12.4', cudaAvailable: true, warning: null }),
  disk: { status: 'ok', path: '/root/.cache/huggingface/hub', freeBytes: 80 * GIB, totalBytes: 200 * GIB },
  hfToken: { env: true, savedLogin: false },
  nodeVersion: '20.19.0',
};

const byId = (facts: MachineFacts) => Object.fromEntries(checkItems(facts).map((i) => [i.id, i]));

describe('checkItems', () => {
  it('is all green on a healthy GPU machine, in a fixed order', () => {
    const items = checkItems(COLAB_A100);
    expect(items.map((i) => i.id)).toEqual([
      'gpu',
      'driver',
      'gpu-processes',
      'python',
      'vllm',
      'torch',
      'transformers',
      'disk',
      'hf-token',
      'node',
    ]);
    expect(items.filter((i) => i.status !== 'ok')).toEqual([]);
    expect(byId(COLAB_A100).gpu?.sentence).toMatch(
      /NVIDIA A100-SXM4-40GB, 40\.0 GiB.*compute capability 8\.0/,
    );
  });

  it('says plainly that there is no GPU, and skips the driver lines', () => {
    const items = byId({ ...COLAB_A100, nvidia: { status: 'missing' } });
    expect(items.gpu).toMatchObject({ status: 'error', value: 'none' });
    expect(items.gpu?.sentence).toMatch(/No NVIDIA GPU: nvidia-smi is not installed/);
    expect(items.driver).toBeUndefined();
  });

  it('turns a torch built for a newer CUDA than the driver into a red line', () => {
    const torch: TorchReport = {
      status: 'ok',
      version: '2.9.0+cu130',
      cuda: '13.0',
      cudaAvailable: false,
      warning: null,
    };
    const item = byId({ ...COLAB_A100, python: python(torch) }).torch;
    expect(item?.status).toBe('error');
    expect(item?.sentence).toMatch(/built for CUDA 13\.0, but the driver supports only CUDA 12\.4/);
  });

  it('is amber, not red, when importing torch timed out', () => {
    const item = byId({ ...COLAB_A100, python: python({ status: 'timed-out' }) }).torch;
    expect(item).toMatchObject({ status: 'warn', value: 'timed out' });
  });

  it('names other processes holding GPU memory, but not our own engine', () => {
    const nvidia = COLAB_A100.nvidia.status === 'ok' ? COLAB_A100.nvidia : null;
    if (!nvidia) throw new Error('fixture');
    const processes = [
      { pid: 4242, name: 'python3', usedMemoryMiB: 30_000, isCurrentEngine: false },
      { pid: 5151, name: 'python3', usedMemoryMiB: 2_000, isCurrentEngine: true },
    ];
    const items = byId({ ...COLAB_A100, nvidia: { ...nvidia, processes } });
    expect(items['gpu-processes']?.status).toBe('warn');
    expect(items['gpu-processes']?.sentence).toMatch(/^1 other process holds 29\.3 GiB.*pid 4242/);
    expect(items['gpu-processes']?.sentence).not.toMatch(/5151/);
  });

  it('flags a missing vLLM, a full disk, a missing token and an old Node', () => {
    const items = byId({
      ...COLAB_A100,
      python: python({ status: 'missing' }, null),
      disk: { status: 'ok', path: '/x', freeBytes: 2 * GIB, totalBytes: 100 * GIB },
      hfToken: { env: false, savedLogin: false },
      nodeVersion: '18.19.0',
    });
    expect(items.vllm).toMatchObject({ status: 'error', value: 'not installed' });
    expect(items.torch?.status).toBe('warn');
    expect(items.disk?.status).toBe('error');
    expect(items['hf-token']).toMatchObject({ status: 'warn', value: 'not set' });
    expect(items.node?.status).toBe('error');
  });
});
