// Which profiles the picker marks, on the GPUs Colab offers (vllm-facts §9).
import { describe, expect, it } from 'vitest';
import { type EngineProfile, findProfile, PROFILES } from '@/lib/engine/profiles';
import { fitProfiles, profileFit } from './profile-fit';
import type { GpuSummary } from './types';

const gpu = (name: string, memoryTotalMiB: number, computeCapability: number, index = 0): GpuSummary => ({
  index,
  name,
  memoryTotalMiB,
  memoryUsedMiB: 0,
  computeCapability,
});
const T4 = gpu('Tesla T4', 15360, 7.5);
const L4 = gpu('NVIDIA L4', 23034, 8.9);
const A100_40 = gpu('NVIDIA A100-SXM4-40GB', 40960, 8.0);

function profile(id: string): EngineProfile {
  const found = findProfile(id);
  if (!found) throw new Error(`no profile ${id}`);
  return found;
}
const ERNIE_AWQ = profile('ernie-4.5-vl-thinking-awq');
const ERNIE_BF16 = profile('ernie-4.5-vl-thinking');
const INTERNVL_AWQ = profile('internvl2-8b-awq');

describe('profileFit', () => {
  it('ERNIE AWQ: no on a T4, tight on an L4, fits on an A100 40 GB', () => {
    const onT4 = profileFit(ERNIE_AWQ, [T4]);
    expect(onT4.fit).toBe('no');
    expect(onT4.reason).toMatch(/Needs about 22 GiB .*Tesla T4 has 15 GiB/);
    const onL4 = profileFit(ERNIE_AWQ, [L4]);
    expect(onL4.fit).toBe('tight');
    expect(onL4.reason).toMatch(/memory share to 0\.95/);
    expect(profileFit(ERNIE_AWQ, [A100_40]).fit).toBe('fits');
  });

  it('ERNIE BF16 does not fit a 40 GB A100', () => {
    const fit = profileFit(ERNIE_BF16, [A100_40]);
    expect(fit.fit).toBe('no');
    expect(fit.reason).toMatch(/62 GiB/);
  });

  it('InternVL2 AWQ fits a T4', () => {
    expect(profileFit(INTERNVL_AWQ, [T4])).toMatchObject({ fit: 'fits' });
  });

  it('refuses kernels the compute capability cannot run, and says both problems at once', () => {
    const fit = profileFit(ERNIE_BF16, [T4]);
    expect(fit.fit).toBe('no');
    expect(fit.reason).toMatch(/62 GiB/);
    expect(fit.reason).toMatch(/compute capability 8\.0 or newer; Tesla T4 has 7\.5/);
    const bigOldCard = gpu('Quadro RTX 8000', 49152, 7.5);
    expect(
      profileFit({ ...ERNIE_BF16, gpu: { minMemoryGiB: 20, minComputeCapability: 8.0 } }, [bigOldCard]).fit,
    ).toBe('no');
  });

  it('asks for data type half for bf16 weights on a T4, and is content once it is set', () => {
    const small: EngineProfile = {
      ...profile('vllm-custom'),
      defaults: { model: 'Qwen/Qwen2-VL-2B-Instruct', gpuMemoryUtilization: 0.9 },
      gpu: { minMemoryGiB: 8 },
    };
    expect(profileFit(small, [T4])).toMatchObject({ fit: 'tight', patch: { dtype: 'half' } });
    expect(profileFit(small, [T4], { dtype: 'half' }).fit).toBe('fits');
    expect(profileFit(small, [L4]).fit).toBe('fits');
  });

  it('counts tensor-parallel GPUs, and suggests them when one is too small', () => {
    const twoL4 = [L4, { ...L4, index: 1 }];
    expect(profileFit(ERNIE_AWQ, twoL4).reason).toMatch(/tensor-parallel size 2/);
    expect(profileFit(ERNIE_AWQ, twoL4, { tensorParallelSize: 2 }).fit).toBe('fits');
    expect(profileFit(ERNIE_AWQ, [L4], { tensorParallelSize: 2 })).toMatchObject({ fit: 'no' });
  });

  it('warns when other processes hold the memory vLLM wants free, unless that is our own engine', () => {
    const busy = { ...A100_40, memoryUsedMiB: 20_000 };
    expect(profileFit(ERNIE_AWQ, [busy])).toMatchObject({
      fit: 'tight',
      reason: expect.stringMatching(/stop them/),
    });
    expect(profileFit(ERNIE_AWQ, [busy], {}, { countUsedMemory: false }).fit).toBe('fits');
  });

  it('says no for GPU profiles without a GPU, while the demo and external servers always fit', () => {
    const fits = fitProfiles(PROFILES, []);
    expect(fits['ernie-4.5-vl-thinking-awq']?.fit).toBe('no');
    expect(fits['vllm-custom']?.fit).toBe('no');
    expect(fits.demo?.fit).toBe('fits');
    expect(fits.external?.fit).toBe('fits');
    expect(Object.keys(fits)).toEqual(PROFILES.map((p) => p.id));
  });

  it('is unsure, not wrong, when nvidia-smi did not report the memory', () => {
    expect(profileFit(ERNIE_AWQ, [{ ...A100_40, memoryTotalMiB: null }]).fit).toBe('tight');
  });
});
