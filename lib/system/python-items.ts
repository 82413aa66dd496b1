// The Python lines of the machine check: the interpreter, vLLM, torch and its CUDA build, transformers.
import type { CheckItem, CheckStatus, PythonReport, TorchReport } from './types';

type PythonOk = Extract<PythonReport, { status: 'ok' }>;

function pythonItem(python: PythonReport): CheckItem {
  const item = { id: 'python', label: 'Python' };
  if (python.status === 'missing') {
    const sentence = python.configured
      ? `VLM_CONSOLE_PYTHON is "${python.configured}", which is not an executable: point it at the Python that has vLLM.`
      : 'No python3 on the PATH: install Python 3, or set VLM_CONSOLE_PYTHON to the Python that has vLLM.';
    return { ...item, status: 'error', value: 'not found', sentence };
  }
  if (python.status === 'failed') {
    return {
      ...item,
      status: 'error',
      value: 'not working',
      sentence: `${python.executable}: ${python.message}`,
    };
  }
  return {
    ...item,
    status: 'ok',
    value: python.version,
    sentence: `Python ${python.version} at ${python.executable}.`,
  };
}

function vllmItem(python: PythonOk): CheckItem {
  const item = { id: 'vllm', label: 'vLLM' };
  const { version, importable } = python.vllm;
  if (version && importable)
    return { ...item, status: 'ok', value: version, sentence: `vLLM ${version} is installed.` };
  if (version) {
    return {
      ...item,
      status: 'error',
      value: `${version} (broken)`,
      sentence: `vLLM ${version} is registered in this Python, but its package is missing: reinstall it (pip install --force-reinstall vllm).`,
    };
  }
  if (importable) {
    return {
      ...item,
      status: 'ok',
      value: 'source',
      sentence: 'vLLM is importable (a checkout without package metadata).',
    };
  }
  return {
    ...item,
    status: 'error',
    value: 'not installed',
    sentence: `vLLM is not installed in ${python.executable}: only the demo engine, llama.cpp and external servers can run. Install it (pip install vllm), or set VLM_CONSOLE_PYTHON to the Python that has it.`,
  };
}

const cudaMajor = (v: string) => Number(v.split('.')[0]);
const cudaNumber = (v: string) => Number.parseFloat(v);

/** torch's CUDA build against what the driver supports: a newer major version cannot run at all. */
function cudaMismatch(
  torchCuda: string,
  driverCuda: string | null,
): { status: CheckStatus; text: string } | null {
  if (!driverCuda || cudaNumber(torchCuda) <= cudaNumber(driverCuda)) return null;
  if (cudaMajor(torchCuda) > cudaMajor(driverCuda)) {
    return {
      status: 'error',
      text: ` It is built for CUDA ${torchCuda}, but the driver supports only CUDA ${driverCuda}: update the driver, or install a torch/vLLM build for CUDA ${cudaMajor(driverCuda)}.`,
    };
  }
  return {
    status: 'warn',
    text: ` It is built for CUDA ${torchCuda} and the driver supports ${driverCuda}: this usually works, but if the engine says the driver is too old, update it.`,
  };
}

function torchOkItem(
  torch: Extract<TorchReport, { status: 'ok' }>,
  hasGpu: boolean,
  driverCuda: string | null,
) {
  const item = { id: 'torch', label: 'torch', value: `${torch.version} (CUDA ${torch.cuda ?? 'none'})` };
  if (torch.cuda === null) {
    const sentence = `torch ${torch.version} is a CPU-only build: vLLM needs a CUDA build of torch.`;
    return { ...item, status: hasGpu ? 'error' : 'warn', sentence } satisfies CheckItem;
  }
  const mismatch = cudaMismatch(torch.cuda, driverCuda);
  const base = `torch ${torch.version}, built for CUDA ${torch.cuda}.`;
  if (mismatch?.status === 'error')
    return { ...item, status: 'error', sentence: base + mismatch.text } satisfies CheckItem;
  if (hasGpu && torch.cudaAvailable === false) {
    const why = torch.warning ? ` It says: ${torch.warning}` : '';
    return { ...item, status: 'error', sentence: `${base} It cannot see the GPU.${why}` } satisfies CheckItem;
  }
  if (mismatch) return { ...item, status: 'warn', sentence: base + mismatch.text } satisfies CheckItem;
  const sees = torch.cudaAvailable ? ' It sees the GPU.' : '';
  return { ...item, status: 'ok', sentence: base + sees } satisfies CheckItem;
}

function torchItem(python: PythonOk, hasGpu: boolean, driverCuda: string | null): CheckItem {
  const { torch } = python;
  const item = { id: 'torch', label: 'torch' };
  const needed: CheckStatus = python.vllm.version ? 'error' : 'warn';
  switch (torch.status) {
    case 'ok':
      return torchOkItem(torch, hasGpu, driverCuda);
    case 'missing':
      return {
        ...item,
        status: needed,
        value: 'not installed',
        sentence: 'torch is not installed (installing vLLM brings it).',
      };
    case 'timed-out':
      return {
        ...item,
        status: 'warn',
        value: 'timed out',
        sentence:
          'Importing torch took more than 30 s (a cold disk?), so its CUDA build is unknown. Check again.',
      };
    case 'error':
      return {
        ...item,
        status: 'error',
        value: 'broken',
        sentence: `Importing torch fails: ${torch.message}`,
      };
  }
}

function transformersItem(python: PythonOk): CheckItem {
  const item = { id: 'transformers', label: 'transformers' };
  if (python.transformers) {
    return {
      ...item,
      status: 'ok',
      value: python.transformers,
      sentence: `transformers ${python.transformers}.`,
    };
  }
  const status: CheckStatus = python.vllm.version ? 'error' : 'warn';
  return {
    ...item,
    status,
    value: 'not installed',
    sentence: 'transformers is not installed (installing vLLM brings it).',
  };
}

export function pythonItems(python: PythonReport, hasGpu: boolean, driverCuda: string | null): CheckItem[] {
  if (python.status !== 'ok') return [pythonItem(python)];
  return [
    pythonItem(python),
    vllmItem(python),
    torchItem(python, hasGpu, driverCuda),
    transformersItem(python),
  ];
}
