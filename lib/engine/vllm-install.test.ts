import { describe, expect, it } from 'vitest';
import { DEFAULT_VLLM_VERSION, type InstallFacts, planInstall, VLLM_VERSION } from './vllm-install';

// Drivers as nvidia-smi reports them: Colab's A100 (tests/fixtures/fake-nvidia-smi), the H200 of
// tests/fixtures/real/h200-machine-check.json, and a V100 box still on R470.
const COLAB = { version: '550.54.15', cuda: 12.4 };
const H200 = { version: '580.159.04', cuda: 13.0 };
const R470 = { version: '470.182.03', cuda: 11.4 };

const facts = (over: Partial<InstallFacts> = {}): InstallFacts => ({
  driver: H200,
  python: '/usr/bin/python3',
  venvDir: '/data/vllm-venv',
  uv: null,
  venvReady: false,
  ...over,
});

const installCommand = (plan: ReturnType<typeof planInstall>) =>
  plan.steps.find((s) => s.id === 'vllm')?.argv ?? [];

describe('planInstall', () => {
  it('gives a CUDA 13 driver the default release from PyPI', () => {
    const plan = planInstall(facts({ driver: H200 }));
    expect(plan).toMatchObject({
      vllm: DEFAULT_VLLM_VERSION,
      variant: 'cu130',
      installer: 'pip',
      refusal: null,
    });
    expect(installCommand(plan)).toEqual([
      '/data/vllm-venv/bin/python',
      '-m',
      'pip',
      'install',
      `vllm==${DEFAULT_VLLM_VERSION}`,
    ]);
    expect(plan.indexes).toEqual(['https://pypi.org/simple']);
  });

  it('gives a CUDA 12.4 driver (Colab, 550) the same release’s +cu129 build with its indexes', () => {
    const plan = planInstall(facts({ driver: COLAB }));
    expect(plan).toMatchObject({ vllm: DEFAULT_VLLM_VERSION, variant: 'cu129', refusal: null });
    expect(installCommand(plan)).toEqual([
      '/data/vllm-venv/bin/python',
      '-m',
      'pip',
      'install',
      `vllm==${DEFAULT_VLLM_VERSION}+cu129`,
      '--extra-index-url',
      `https://wheels.vllm.ai/${DEFAULT_VLLM_VERSION}/cu129`,
      '--extra-index-url',
      'https://download.pytorch.org/whl/cu129',
    ]);
    // pip has no --index-strategy; only uv gets it.
    expect(installCommand(plan)).not.toContain('--index-strategy');
  });

  it('uses uv where present, with unsafe-best-match for the extra indexes and the user’s mirror passed on', () => {
    const plan = planInstall(
      facts({ driver: COLAB, uv: '/usr/local/bin/uv', indexUrl: 'https://mirror.example/simple' }),
    );
    expect(plan.installer).toBe('uv');
    expect(plan.steps.map((s) => s.id)).toEqual(['preflight', 'venv', 'vllm', 'self-test']);
    expect(plan.steps[1]?.argv).toEqual([
      '/usr/local/bin/uv',
      'venv',
      '--python',
      '/usr/bin/python3',
      '/data/vllm-venv',
    ]);
    const args = installCommand(plan);
    expect(args.slice(0, 6)).toEqual([
      '/usr/local/bin/uv',
      'pip',
      'install',
      '--python',
      '/data/vllm-venv/bin/python',
      `vllm==${DEFAULT_VLLM_VERSION}+cu129`,
    ]);
    expect(args.join(' ')).toContain('--index-url https://mirror.example/simple');
    expect(args.slice(-2)).toEqual(['--index-strategy', 'unsafe-best-match']);
    expect(plan.indexes[0]).toBe('https://mirror.example/simple');
  });

  it('refuses a driver too old for any build, naming the driver needed', () => {
    const plan = planInstall(facts({ driver: R470 }));
    expect(plan.variant).toBeNull();
    expect(plan.commands).toEqual([]);
    expect(plan.refusal?.message).toMatch(/470\.182\.03.*CUDA 11\.4/);
    expect(plan.refusal?.message).toMatch(/525 or newer/);
    expect(plan.refusal?.hint).toMatch(/525/);
    expect(planInstall(facts({ driver: null })).refusal?.message).toMatch(/No NVIDIA driver/);
  });

  it('takes the driver version alone when the header gave no CUDA version', () => {
    expect(planInstall(facts({ driver: { version: '535.104.05', cuda: null } })).variant).toBe('cu129');
    expect(planInstall(facts({ driver: { version: '580.65.06', cuda: null } })).variant).toBe('cu130');
    expect(planInstall(facts({ driver: { version: '520.61.05', cuda: null } })).refusal).not.toBeNull();
  });

  it('installs a version the user picks, and an old one as its cu129 build (PyPI’s were not CUDA 13 then)', () => {
    expect(installCommand(planInstall(facts({ version: '0.30.0' })))).toContain('vllm==0.30.0');
    const old = planInstall(facts({ driver: H200, version: '0.11.2' }));
    expect(old.variant).toBe('cu129');
    expect(installCommand(old)).toContain('vllm==0.11.2+cu129');
  });

  it('checks the network first, reuses a working venv, and ends with the self-test against the driver', () => {
    const plan = planInstall(facts({ driver: COLAB, venvReady: true }));
    expect(plan.steps.map((s) => s.id)).toEqual(['preflight', 'pip', 'vllm', 'self-test']);
    expect(plan.steps[0]?.argv.slice(0, 2)).toEqual(['/usr/bin/python3', '-c']);
    expect(plan.steps[0]?.argv.slice(3)).toEqual(plan.indexes);
    expect(plan.steps.at(-1)?.argv.at(-1)).toBe('12.4');
    expect(plan.commands).toEqual(plan.steps.map((s) => s.argv));
    // Installing from local wheels (PIP_NO_INDEX) has nothing to reach.
    expect(planInstall(facts({ noIndex: true })).steps[0]?.id).toBe('venv');
    // pip, not uv, for local wheels: only pip reads PIP_NO_INDEX / PIP_FIND_LINKS.
    expect(planInstall(facts({ noIndex: true, uv: '/usr/bin/uv' })).installer).toBe('pip');
  });

  it('accepts only plain version numbers', () => {
    expect(VLLM_VERSION.test('0.31.0')).toBe(true);
    expect(VLLM_VERSION.test('0.11.2.post1')).toBe(true);
    expect(VLLM_VERSION.test('0.11.2; rm -rf /')).toBe(false);
    expect(VLLM_VERSION.test('0.31.0+cu129')).toBe(false);
    expect(VLLM_VERSION.test('>=0.11')).toBe(false);
  });
});
