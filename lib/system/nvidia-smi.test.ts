// nvidia-smi's output, as recorded on the machines people run this on: Colab (T4, L4, A100), old drivers.
import { describe, expect, it } from 'vitest';
import {
  GPU_FIELDS,
  GPU_FIELDS_OLD_DRIVER,
  isNoDeviceMessage,
  parseComputeApps,
  parseCudaVersion,
  parseGpuQuery,
  rejectsField,
} from './nvidia-smi';

const T4 = '0, Tesla T4, 15360, 0, 7.5, 535.104.05\n';
const A100 = '0, NVIDIA A100-SXM4-40GB, 40960, 4, 8.0, 550.54.15\n';
const TWO_L4 = '0, NVIDIA L4, 23034, 0, 8.9, 550.90.07\n1, NVIDIA L4, 23034, 17120, 8.9, 550.90.07\n';
const OLD_DRIVER_ERROR = 'Field "compute_cap" is not a valid field to query.\n\n';
const OLD_DRIVER = '0, Tesla V100-SXM2-16GB, 16160, 0, 470.182.03\n';
const NO_DRIVER =
  "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\n\n";

const T4_TABLE = `Sat May  9 10:41:07 2026
+---------------------------------------------------------------------------------------+
| NVIDIA-SMI 535.104.05             Driver Version: 535.104.05   CUDA Version: 12.2     |
|-----------------------------------------+----------------------+----------------------+
| GPU  Name                 Persistence-M | Bus-Id        Disp.A | Volatile Uncorr. ECC |
| Fan  Temp   Perf          Pwr:Usage/Cap |         Memory-Usage | GPU-Util  Compute M. |
|=========================================+======================+======================|
|   0  Tesla T4                       Off | 00000000:00:04.0 Off |                    0 |
| N/A   38C    P8               9W /  70W |      0MiB / 15360MiB |      0%      Default |
+-----------------------------------------+----------------------+----------------------+
| Processes:                                                                            |
|  No running processes found                                                           |
+---------------------------------------------------------------------------------------+
`;

describe('parseGpuQuery', () => {
  it('reads one T4 (Colab free tier)', () => {
    expect(parseGpuQuery(T4, GPU_FIELDS)).toEqual({
      gpus: [{ index: 0, name: 'Tesla T4', memoryTotalMiB: 15360, memoryUsedMiB: 0, computeCapability: 7.5 }],
      driverVersion: '535.104.05',
    });
  });

  it('reads one A100 40 GB', () => {
    const { gpus, driverVersion } = parseGpuQuery(A100, GPU_FIELDS);
    expect(gpus).toEqual([
      {
        index: 0,
        name: 'NVIDIA A100-SXM4-40GB',
        memoryTotalMiB: 40960,
        memoryUsedMiB: 4,
        computeCapability: 8,
      },
    ]);
    expect(driverVersion).toBe('550.54.15');
  });

  it('reads several GPUs in order, each with its own memory use', () => {
    const { gpus } = parseGpuQuery(TWO_L4, GPU_FIELDS);
    expect(gpus.map((g) => [g.index, g.name, g.memoryUsedMiB, g.computeCapability])).toEqual([
      [0, 'NVIDIA L4', 0, 8.9],
      [1, 'NVIDIA L4', 17120, 8.9],
    ]);
  });

  it('falls back to the GPU name when the driver has no compute_cap field', () => {
    expect(rejectsField(OLD_DRIVER_ERROR, 'compute_cap')).toBe(true);
    expect(rejectsField(A100, 'compute_cap')).toBe(false);
    const { gpus, driverVersion } = parseGpuQuery(OLD_DRIVER, GPU_FIELDS_OLD_DRIVER);
    expect(gpus[0]).toMatchObject({
      name: 'Tesla V100-SXM2-16GB',
      memoryTotalMiB: 16160,
      computeCapability: 7,
    });
    expect(driverVersion).toBe('470.182.03');
  });

  it('knows the common GPUs by name, the A100 apart from the A10', () => {
    const byName = (name: string) =>
      parseGpuQuery(`0, ${name}, 1000, 0, [N/A], 1\n`, GPU_FIELDS).gpus[0]?.computeCapability;
    expect(byName('Tesla T4')).toBe(7.5);
    expect(byName('NVIDIA L4')).toBe(8.9);
    expect(byName('NVIDIA A100-PCIE-40GB')).toBe(8.0);
    expect(byName('NVIDIA A10G')).toBe(8.6);
    expect(byName('NVIDIA H100 80GB HBM3')).toBe(9.0);
    expect(byName('Mystery Accelerator')).toBeNull();
  });

  it('turns [N/A] cells into null instead of NaN', () => {
    const { gpus } = parseGpuQuery('0, GRID A100D-40C, [N/A], [N/A], 8.0, 535.54.03\n', GPU_FIELDS);
    expect(gpus[0]).toMatchObject({ memoryTotalMiB: null, memoryUsedMiB: null, computeCapability: 8 });
  });

  it('finds no GPU in empty output or in an error message', () => {
    expect(parseGpuQuery('', GPU_FIELDS).gpus).toEqual([]);
    expect(parseGpuQuery(NO_DRIVER, GPU_FIELDS).gpus).toEqual([]);
  });
});

describe('other nvidia-smi output', () => {
  it('reads the CUDA version from the plain header', () => {
    expect(parseCudaVersion(T4_TABLE)).toBe('12.2');
    expect(
      parseCudaVersion('| NVIDIA-SMI 580.95.05   Driver Version: 580.95.05   CUDA Version: 13.0  |'),
    ).toBe('13.0');
    expect(parseCudaVersion(NO_DRIVER)).toBeNull();
  });

  it('recognises nvidia-smi saying there is no GPU to talk to', () => {
    expect(isNoDeviceMessage(NO_DRIVER)).toBe(true);
    expect(isNoDeviceMessage('No devices were found\n')).toBe(true);
    expect(isNoDeviceMessage(OLD_DRIVER_ERROR)).toBe(false);
  });

  it('lists processes holding GPU memory, none when the output is empty', () => {
    expect(parseComputeApps('')).toEqual([]);
    expect(parseComputeApps('48211, /usr/bin/python3, 17108\n51007, /opt/conda/bin/python, [N/A]\n')).toEqual(
      [
        { pid: 48211, name: '/usr/bin/python3', usedMemoryMiB: 17108 },
        { pid: 51007, name: '/opt/conda/bin/python', usedMemoryMiB: null },
      ],
    );
  });
});
