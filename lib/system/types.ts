// Wire types of the machine check (GET /api/system). Pure and isomorphic: the server builds them, the console
// renders them. Renaming a field here changes the public API.

export type CheckStatus = 'ok' | 'warn' | 'error';

/** One line of the machine check: green, amber or red, with a sentence a person can act on. */
export interface CheckItem {
  /** Stable id: gpu, driver, gpu-processes, python, vllm, torch, transformers, disk, hf-token, node. */
  id: string;
  label: string;
  status: CheckStatus;
  /** Short value for a table cell, e.g. "12.4" or "41.2 GiB free". */
  value: string;
  sentence: string;
}

export interface GpuSummary {
  index: number;
  name: string;
  /** Null when nvidia-smi says `[N/A]` (some virtual GPUs). */
  memoryTotalMiB: number | null;
  memoryUsedMiB: number | null;
  /** e.g. 7.5 for a T4, 8.0 for an A100; from nvidia-smi, or from the GPU's name on old drivers; null if unknown. */
  computeCapability: number | null;
}

export interface GpuProcess {
  pid: number;
  name: string;
  usedMemoryMiB: number | null;
  /** True when the process belongs to the engine this app is running right now. */
  isCurrentEngine: boolean;
}

/** What `nvidia-smi` told us; a missing or failing nvidia-smi is an answer, not an exception. */
export type NvidiaReport =
  | {
      status: 'ok';
      gpus: GpuSummary[];
      driverVersion: string | null;
      /** Highest CUDA version the driver supports ("CUDA Version: 12.4" in the plain output's header). */
      cudaVersion: string | null;
      processes: GpuProcess[];
    }
  | { status: 'missing' }
  | { status: 'no-devices'; message: string }
  | { status: 'failed'; message: string }
  | { status: 'timed-out' };

export type TorchReport =
  | {
      status: 'ok';
      version: string;
      cuda: string | null;
      cudaAvailable: boolean | null;
      warning: string | null;
    }
  | { status: 'missing' }
  | { status: 'timed-out' }
  | { status: 'error'; message: string };

/** What the Python probe printed (see lib/system/python-probe.ts). */
export type PythonReport =
  | {
      status: 'ok';
      executable: string;
      version: string;
      vllm: { version: string | null; importable: boolean };
      transformers: string | null;
      torch: TorchReport;
    }
  | { status: 'missing'; configured: string | null }
  | { status: 'failed'; executable: string; message: string };

export type DiskReport =
  | { status: 'ok'; path: string; freeBytes: number; totalBytes: number }
  | { status: 'failed'; path: string; message: string };

export type FitVerdict = 'fits' | 'tight' | 'no';

export interface ProfileFit {
  fit: FitVerdict;
  reason: string;
  /** Launch options that make the profile work on this GPU (e.g. `dtype: half` on a T4), when there are any. */
  patch?: { dtype?: 'half' };
}

/** GET /api/system */
export interface SystemReport {
  /** ms since epoch of the probes behind this answer (cached for about 30 s). */
  checkedAt: number;
  items: CheckItem[];
  gpus: GpuSummary[];
  gpuProcesses: GpuProcess[];
  profiles: Record<string, ProfileFit>;
}
