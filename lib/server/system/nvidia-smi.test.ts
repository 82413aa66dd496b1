// The nvidia-smi runner against the fake nvidia-smi (tests/fixtures): the old-driver retry, a missing driver,
// a missing program. The parsers are tested on recorded samples in lib/system/nvidia-smi.test.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeNvidiaSmi } from './nvidia-smi';

const FAKE = path.resolve(__dirname, '../../../tests/fixtures/fake-nvidia-smi/nvidia-smi');
const withMode = (mode: string) => ({ executable: FAKE, env: { ...process.env, FAKE_NVIDIA_SMI: mode } });

describe('probeNvidiaSmi', () => {
  it('reads the GPU, the driver, the CUDA version and an empty process list', async () => {
    expect(await probeNvidiaSmi(withMode('a100'))).toEqual({
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
    });
  });

  it('asks again without compute_cap on an old driver and goes by the GPU name', async () => {
    const report = await probeNvidiaSmi(withMode('old-driver'));
    expect(report).toMatchObject({
      status: 'ok',
      gpus: [{ name: 'Tesla V100-SXM2-16GB', computeCapability: 7 }],
      driverVersion: '470.182.03',
      cudaVersion: '11.4',
    });
  });

  it('answers "no devices" when the driver is not loaded', async () => {
    const report = await probeNvidiaSmi(withMode('no-driver'));
    expect(report).toMatchObject({
      status: 'no-devices',
      message: expect.stringMatching(/couldn't communicate/),
    });
  });

  it('answers "missing" when there is no nvidia-smi', async () => {
    expect(await probeNvidiaSmi({ executable: null })).toEqual({ status: 'missing' });
    expect(await probeNvidiaSmi({ executable: '/nonexistent/nvidia-smi' })).toEqual({ status: 'missing' });
  });
});
