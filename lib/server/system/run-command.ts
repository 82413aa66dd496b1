import 'server-only';
// Runs a machine-check tool: an argument array (never a shell), a timeout, a cap on output. Every outcome is
// a value: a missing program, a non-zero exit and a timeout are answers the check reports, not exceptions.
import { execFile } from 'node:child_process';

export interface CommandResult {
  /** The program does not exist (ENOENT) or may not be run (EACCES). */
  missing: boolean;
  timedOut: boolean;
  /** Exit code; null when killed or not started. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  maxBuffer?: number;
}

export function runCommand(file: string, args: readonly string[], opts: RunOptions): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        timeout: opts.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: opts.maxBuffer ?? 1024 * 1024,
        env: opts.env ?? process.env,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { killed?: boolean; code?: unknown }) | null;
        const missing = err?.code === 'ENOENT' || err?.code === 'EACCES';
        resolve({
          missing,
          // Node marks a timeout as `killed` with the kill signal; a crash by signal is not a timeout.
          timedOut: Boolean(err?.killed) && !missing,
          code: err ? (typeof err.code === 'number' ? err.code : null) : 0,
          stdout: String(stdout ?? ''),
          stderr: String(stderr ?? ''),
        });
      },
    );
  });
}
