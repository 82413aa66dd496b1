import 'server-only';
// Runs the Python probe (lib/system/python-probe.ts) with the Python the engine would use (see
// lib/server/engine/python.ts). Importing torch can take many seconds on a cold disk, hence the long timeout.
import { PYTHON_PROBE_SCRIPT, parsePythonProbe } from '@/lib/system/python-probe';
import type { PythonReport } from '@/lib/system/types';
import { resolvePython } from '../engine/executables';
import { runCommand } from './run-command';

export const PYTHON_TIMEOUT_MS = 30_000;

export interface PythonProbeOptions {
  /** The Python to run, already resolved; when absent, `configured` (or python3) is looked up on the PATH. */
  python?: string | null;
  /** VLM_CONSOLE_PYTHON as configured (a name on PATH or a path), named when it cannot be found. */
  configured?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export async function probePython(opts: PythonProbeOptions = {}): Promise<PythonReport> {
  const python = opts.python !== undefined ? opts.python : resolvePython(opts.configured);
  if (!python) return { status: 'missing', configured: opts.configured ?? null };
  const result = await runCommand(python, ['-c', PYTHON_PROBE_SCRIPT], {
    timeoutMs: opts.timeoutMs ?? PYTHON_TIMEOUT_MS,
    // No stray .pyc files next to someone's packages, and no output held back in a buffer when killed.
    env: { ...(opts.env ?? process.env), PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
  });
  if (result.missing) return { status: 'missing', configured: opts.configured ?? null };
  return parsePythonProbe(result.stdout, {
    executable: python,
    timedOut: result.timedOut,
    stderr: result.stderr,
  });
}
