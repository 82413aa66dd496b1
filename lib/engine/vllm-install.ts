// The one install planner for vLLM: the console's "Install vLLM" job, `GET /api/engine/install/plan` and the
// Colab notebook (through the app) all run the commands it returns. Pure: the caller gathers the facts (the
// driver from nvidia-smi, whether uv is on PATH, the state of the venv); this module only decides.
// Which build fits which driver is a table (VLLM_VARIANTS), so a new CUDA line is a new row, not an `if`.
import { PREFLIGHT_SCRIPT, SELF_TEST_SCRIPT } from './vllm-install-scripts';

/** A plain release number: no specifiers, no local tag, nothing a shell or pip could read as an option. */
export const VLLM_VERSION = /^\d+\.\d+\.\d+(?:\.post\d+)?$/;

/**
 * The newest vLLM release known to serve ERNIE-4.5-VL (`Ernie4_5_VLMoeForConditionalGeneration` and the
 * `ernie45` reasoning parser are both still registered in vLLM's source). The README says why.
 */
export const DEFAULT_VLLM_VERSION = '0.31.0';

export const PYPI_INDEX = 'https://pypi.org/simple';

export interface VllmVariant {
  id: 'cu130' | 'cu129';
  /** Lowest NVIDIA driver (major version) the build runs on. */
  minDriver: number;
  /** Lowest CUDA version the driver must report (`nvidia-smi` header). */
  minDriverCuda: number;
  /** First vLLM release this row serves; older releases fall through to the next row. */
  fromVllm: string;
  /** The requirement pip/uv is given. */
  requirement(version: string): string;
  /** Indexes searched besides the default one (PyPI or the user's mirror). */
  extraIndexes(version: string): string[];
  why: string;
}

/** Newest build first; the first row whose driver and vLLM bounds hold wins. */
export const VLLM_VARIANTS: readonly VllmVariant[] = [
  {
    id: 'cu130',
    minDriver: 580,
    minDriverCuda: 13.0,
    fromVllm: '0.20.0',
    requirement: (v) => `vllm==${v}`,
    extraIndexes: () => [],
    why: "vLLM's PyPI wheels are CUDA 13.0 builds since 0.20; they need a driver ≥ 580 (CUDA 13).",
  },
  {
    id: 'cu129',
    // CUDA 12.x builds run on any R525+ driver through NVIDIA's minor-version compatibility.
    minDriver: 525,
    minDriverCuda: 12.0,
    fromVllm: '0.0.0',
    requirement: (v) => `vllm==${v}+cu129`,
    extraIndexes: (v) => [`https://wheels.vllm.ai/${v}/cu129`, 'https://download.pytorch.org/whl/cu129'],
    why: 'Every vLLM release has a +cu129 build on wheels.vllm.ai (with PyTorch cu129); it runs on drivers ≥ 525.',
  },
];

export interface DriverFacts {
  /** e.g. "550.54.15"; null when nvidia-smi did not say. */
  version: string | null;
  /** The CUDA version in nvidia-smi's header, e.g. 12.4; null when it did not say. */
  cuda: number | null;
}

export interface InstallFacts {
  /** null: no NVIDIA driver answered. */
  driver: DriverFacts | null;
  /** The Python the venv is made from. */
  python: string;
  venvDir: string;
  /** uv's path when it is installed; pip is used otherwise. */
  uv: string | null;
  /** True when a working venv is already there (it is reused, not made again). */
  venvReady: boolean;
  /** The user's mirror (`PIP_INDEX_URL`), if set. */
  indexUrl?: string | null;
  /** True when pip is told to use no index (`PIP_NO_INDEX`, local wheels): nothing to reach. */
  noIndex?: boolean;
  /** The version asked for; the default otherwise. */
  version?: string;
}

export interface PlanStep {
  id: 'preflight' | 'venv' | 'pip' | 'vllm' | 'self-test';
  label: string;
  argv: string[];
}

export interface InstallRefusal {
  message: string;
  hint: string;
}

/** `vllm`, `variant`, `installer`, `commands`, `refusal` are the route's contract; the rest extends it. */
export interface InstallPlan {
  vllm: string;
  variant: VllmVariant['id'] | null;
  installer: 'uv' | 'pip';
  commands: string[][];
  refusal: InstallRefusal | null;
  steps: PlanStep[];
  /** Index URLs the install reaches (checked before the long steps). */
  indexes: string[];
  reason: string;
}

function versionTuple(version: string): number[] {
  return version.split(/[.]/).map((part) => Number.parseInt(part.replace(/\D.*$/, ''), 10) || 0);
}

export function compareVersions(a: string, b: string): number {
  const x = versionTuple(a);
  const y = versionTuple(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function driverMajor(driver: DriverFacts): number | null {
  const major = driver.version ? Number.parseInt(driver.version, 10) : Number.NaN;
  return Number.isFinite(major) ? major : null;
}

/** A row fits when everything the driver says meets it (what it does not say is not held against it). */
function fits(variant: VllmVariant, driver: DriverFacts, version: string): boolean {
  const major = driverMajor(driver);
  if (major === null && driver.cuda === null) return false;
  if (major !== null && major < variant.minDriver) return false;
  if (driver.cuda !== null && driver.cuda < variant.minDriverCuda) return false;
  return compareVersions(version, variant.fromVllm) >= 0;
}

function describeDriver(driver: DriverFacts): string {
  const parts = [driver.version ? `driver ${driver.version}` : 'the driver'];
  if (driver.cuda !== null) parts.push(`(CUDA ${driver.cuda.toFixed(1)})`);
  return parts.join(' ');
}

export function chooseVariant(
  driver: DriverFacts | null,
  version: string,
): { variant: VllmVariant | null; refusal: InstallRefusal | null } {
  if (!driver) {
    return {
      variant: null,
      refusal: {
        message: 'No NVIDIA driver answered (nvidia-smi): vLLM needs a CUDA GPU.',
        hint: 'On Colab pick a GPU runtime; elsewhere install the NVIDIA driver (525 or newer) and check nvidia-smi.',
      },
    };
  }
  const variant = VLLM_VARIANTS.find((v) => fits(v, driver, version)) ?? null;
  if (variant) return { variant, refusal: null };
  const oldest = Math.min(...VLLM_VARIANTS.map((v) => v.minDriver));
  return {
    variant: null,
    refusal: {
      message: `This machine's ${describeDriver(driver)} is too old for vLLM's CUDA builds: they need driver ${oldest} or newer (CUDA 12), or 580 or newer for the default CUDA 13 build.`,
      hint: `Update the NVIDIA driver to ${oldest} or newer (580+ for CUDA 13), or use a machine whose nvidia-smi shows CUDA 12.0 or newer.`,
    },
  };
}

function installArgs(facts: InstallFacts, variant: VllmVariant, version: string): string[] {
  const venvPython = `${facts.venvDir}/bin/python`;
  const extra = variant.extraIndexes(version).flatMap((url) => ['--extra-index-url', url]);
  const requirement = variant.requirement(version);
  if (!facts.uv) return [venvPython, '-m', 'pip', 'install', requirement, ...extra];
  // uv reads UV_INDEX_URL, not pip's variable: hand the user's mirror over explicitly.
  const mirror = facts.indexUrl ? ['--index-url', facts.indexUrl] : [];
  // uv takes a package from the first index that has it; torch and friends must be free to come from any.
  const strategy = extra.length > 0 ? ['--index-strategy', 'unsafe-best-match'] : [];
  return [facts.uv, 'pip', 'install', '--python', venvPython, requirement, ...mirror, ...extra, ...strategy];
}

function buildSteps(
  facts: InstallFacts,
  variant: VllmVariant,
  version: string,
  indexes: string[],
): PlanStep[] {
  const venvPython = `${facts.venvDir}/bin/python`;
  const steps: PlanStep[] = [];
  if (!facts.noIndex) {
    steps.push({
      id: 'preflight',
      label: 'Check the network',
      argv: [facts.python, '-c', PREFLIGHT_SCRIPT, ...indexes],
    });
  }
  if (!facts.venvReady) {
    steps.push({
      id: 'venv',
      label: 'Create the virtual environment',
      argv: facts.uv
        ? [facts.uv, 'venv', '--python', facts.python, facts.venvDir]
        : [facts.python, '-m', 'venv', facts.venvDir],
    });
  }
  if (!facts.uv) {
    steps.push({
      id: 'pip',
      label: 'Update pip',
      argv: [venvPython, '-m', 'pip', 'install', '--upgrade', 'pip'],
    });
  }
  steps.push({
    id: 'vllm',
    label: `Install vLLM ${version} (${variant.id})`,
    argv: installArgs(facts, variant, version),
  });
  steps.push({
    id: 'self-test',
    label: 'Self-test',
    argv: [venvPython, '-c', SELF_TEST_SCRIPT, facts.driver?.cuda?.toFixed(1) ?? ''],
  });
  return steps;
}

export function planInstall(given: InstallFacts): InstallPlan {
  // pip reads PIP_NO_INDEX / PIP_FIND_LINKS (local wheels) from the environment; uv does not.
  const facts = given.noIndex ? { ...given, uv: null } : given;
  const version = facts.version ?? DEFAULT_VLLM_VERSION;
  const installer = facts.uv ? 'uv' : 'pip';
  const { variant, refusal } = chooseVariant(facts.driver, version);
  if (!variant || refusal) {
    return {
      vllm: version,
      variant: null,
      installer,
      commands: [],
      refusal,
      steps: [],
      indexes: [],
      reason: refusal?.message ?? '',
    };
  }
  const indexes = [facts.indexUrl || PYPI_INDEX, ...variant.extraIndexes(version)];
  const steps = buildSteps(facts, variant, version, indexes);
  const driver = facts.driver ? describeDriver(facts.driver) : 'the driver';
  return {
    vllm: version,
    variant: variant.id,
    installer,
    commands: steps.map((s) => s.argv),
    refusal: null,
    steps,
    indexes,
    reason: `${driver} → vLLM ${version} ${variant.id} with ${installer}. ${variant.why}`,
  };
}

/** A command as the log and the UI show it: the inline Python programs by their first line, not 20 lines each. */
export function displayCommand(argv: readonly string[]): string {
  return argv
    .map((arg) => (arg.includes('\n') ? `'<${arg.split('\n')[0]?.replace(/^# /, '')}>'` : arg))
    .join(' ');
}
