// Which vLLM to install, and how: in a virtual environment of its own (Colab's preinstalled torch is the
// usual cause of `undefined symbol` errors), at a version pinned by the CUDA version the driver supports.
// Data with the reasons, so a new pin is a new row.

export interface VllmPin {
  version: string;
  /** Lowest driver CUDA version (`nvidia-smi` header) the wheel runs on. */
  minDriverCuda: number;
  why: string;
}

/** Newest first. Both serve ERNIE-4.5-VL with the `ernie45` reasoning parser (vLLM ≥ 0.11). */
export const VLLM_PINS: readonly VllmPin[] = [
  {
    version: '0.20.2',
    minDriverCuda: 13.0,
    why: 'PyPI wheels of vLLM ≥ 0.20 are CUDA 13 builds: they need a driver that reports CUDA 13 or newer.',
  },
  {
    version: '0.11.2',
    minDriverCuda: 12.8,
    why: 'The last well-tested CUDA 12 line with ERNIE-4.5-VL and the ernie45 parser (reasoning field renamed).',
  },
];

export const VLLM_VERSION = /^\d+\.\d+\.\d+(?:\.post\d+)?$/;

export function chooseVllmVersion(driverCuda: number | null): { pin: VllmPin | null; reason: string } {
  if (driverCuda === null) {
    return { pin: null, reason: 'No NVIDIA driver was found (nvidia-smi): vLLM needs a CUDA GPU.' };
  }
  const pin = VLLM_PINS.find((p) => driverCuda >= p.minDriverCuda);
  if (!pin) {
    return {
      pin: null,
      reason: `The driver supports CUDA ${driverCuda}; the pinned vLLM wheels need CUDA 12.8 or newer. Update the NVIDIA driver.`,
    };
  }
  return { pin, reason: `CUDA ${driverCuda} driver → vLLM ${pin.version}. ${pin.why}` };
}

export interface InstallStep {
  label: string;
  executable: string;
  args: string[];
}

export function installSteps(python: string, venvDir: string, version: string): InstallStep[] {
  const venvPython = `${venvDir}/bin/python`;
  return [
    { label: 'Create the virtual environment', executable: python, args: ['-m', 'venv', venvDir] },
    { label: 'Update pip', executable: venvPython, args: ['-m', 'pip', 'install', '--upgrade', 'pip'] },
    {
      label: `Install vLLM ${version}`,
      executable: venvPython,
      args: ['-m', 'pip', 'install', `vllm==${version}`],
    },
  ];
}
