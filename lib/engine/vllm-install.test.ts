import { describe, expect, it } from 'vitest';
import { chooseVllmVersion, installSteps, VLLM_VERSION } from './vllm-install';

describe('chooseVllmVersion', () => {
  it('takes the CUDA 13 build only for a driver that supports CUDA 13', () => {
    expect(chooseVllmVersion(13.0).pin?.version).toBe('0.20.2');
    expect(chooseVllmVersion(12.8).pin?.version).toBe('0.11.2');
    expect(chooseVllmVersion(12.9).pin?.version).toBe('0.11.2');
  });

  it('says why nothing fits', () => {
    expect(chooseVllmVersion(12.2)).toMatchObject({
      pin: null,
      reason: expect.stringMatching(/Update the NVIDIA driver/),
    });
    expect(chooseVllmVersion(null)).toMatchObject({
      pin: null,
      reason: expect.stringMatching(/No NVIDIA driver/),
    });
  });
});

describe('installSteps', () => {
  it('creates a venv and installs the pinned version with its own pip, as argument arrays', () => {
    const steps = installSteps('/usr/bin/python3', '/data/vllm-venv', '0.11.2');
    expect(steps.map((s) => [s.executable, ...s.args].join(' '))).toEqual([
      '/usr/bin/python3 -m venv /data/vllm-venv',
      '/data/vllm-venv/bin/python -m pip install --upgrade pip',
      '/data/vllm-venv/bin/python -m pip install vllm==0.11.2',
    ]);
  });

  it('accepts only plain version numbers', () => {
    expect(VLLM_VERSION.test('0.11.2')).toBe(true);
    expect(VLLM_VERSION.test('0.11.2; rm -rf /')).toBe(false);
    expect(VLLM_VERSION.test('>=0.11')).toBe(false);
  });
});
