// GET /api/system through the built app: on this machine (no GPU) and with the fake nvidia-smi of an A100 on
// the PATH. The machine check must answer with items either way; a missing nvidia-smi is an answer.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemReport } from '@/lib/system/types';
import { type AppServer, REPO, startApp } from '../helpers/app-server';

const FAKE_SMI_DIR = path.join(REPO, 'tests', 'fixtures', 'fake-nvidia-smi');
/** PATH without any real nvidia-smi, so "this machine" means "no GPU" wherever the tests run. */
const PATH_WITHOUT_GPU = (process.env.PATH ?? '')
  .split(path.delimiter)
  .filter((dir) => !dir.includes('nvidia'))
  .join(path.delimiter);

let bare: AppServer;
let a100: AppServer;

beforeAll(async () => {
  [bare, a100] = await Promise.all([
    startApp({ PATH: PATH_WITHOUT_GPU }),
    startApp({ PATH: `${FAKE_SMI_DIR}${path.delimiter}${process.env.PATH ?? ''}` }),
  ]);
});

afterAll(async () => {
  await Promise.all([bare?.stop(), a100?.stop()]);
});

async function system(app: AppServer, query = ''): Promise<SystemReport> {
  const res = await fetch(`${app.url}/api/system${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as SystemReport;
}

const item = (report: SystemReport, id: string) => report.items.find((i) => i.id === id);

describe('GET /api/system', () => {
  it('answers on a machine without a GPU, saying so in a sentence', async () => {
    const report = await system(bare);
    expect(report.checkedAt).toBeGreaterThan(0);
    expect(report.gpus).toEqual([]);
    expect(report.gpuProcesses).toEqual([]);
    const gpu = item(report, 'gpu');
    expect(['error', 'warn']).toContain(gpu?.status);
    expect(gpu?.sentence).toMatch(/No NVIDIA GPU|no usable GPU/);
    expect(item(report, 'python')?.status).toBe('ok');
    expect(item(report, 'python')?.value).toMatch(/^3\.\d+/);
    for (const id of ['vllm', 'disk', 'hf-token', 'node']) expect(item(report, id)).toBeDefined();
    for (const entry of report.items) {
      expect(['ok', 'warn', 'error']).toContain(entry.status);
      expect(entry.sentence.length).toBeGreaterThan(5);
    }
    expect(report.profiles['ernie-4.5-vl-thinking-awq']?.fit).toBe('no');
    expect(report.profiles.demo?.fit).toBe('fits');
  });

  it('answers from its cache for 30 s, and checks again with refresh=1', async () => {
    const first = await system(bare);
    expect((await system(bare)).checkedAt).toBe(first.checkedAt);
    expect((await system(bare, '?refresh=1')).checkedAt).toBeGreaterThan(first.checkedAt);
  });

  it('shows the GPU nvidia-smi reports, with its memory, and fits the ERNIE AWQ profile to it', async () => {
    const report = await system(a100);
    expect(report.gpus).toEqual([
      {
        index: 0,
        name: 'NVIDIA A100-SXM4-40GB',
        memoryTotalMiB: 40960,
        memoryUsedMiB: 4,
        computeCapability: 8,
      },
    ]);
    expect(item(report, 'gpu')).toMatchObject({ status: 'ok', value: '1 × NVIDIA A100-SXM4-40GB' });
    expect(item(report, 'gpu')?.sentence).toMatch(/40\.0 GiB/);
    expect(item(report, 'driver')?.value).toBe('550.54.15 · CUDA 12.4');
    expect(item(report, 'gpu-processes')?.status).toBe('ok');
    expect(report.profiles['ernie-4.5-vl-thinking-awq']?.fit).toBe('fits');
    expect(report.profiles['ernie-4.5-vl-thinking']?.fit).toBe('no');
  });

  it('refuses unknown query parameters and bad values with a 400 naming them', async () => {
    for (const query of ['?refresh=yes', '?verbose=1']) {
      const res = await fetch(`${bare.url}/api/system${query}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(query.includes('refresh') ? /query\.refresh/ : /verbose/);
    }
  });
});
