import 'server-only';
// "Install vLLM" from the console, for the user who skipped the notebook: a virtual environment in the
// data dir and a pinned vLLM in it, run as a supervised job (the same watchdog as an engine: cancellable,
// nothing survives the app) whose output streams into the engine log with the diagnosis rules applied.
// On success the venv's Python becomes the one launches use (unless VLM_CONSOLE_PYTHON says otherwise).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createDiagnosisScanner } from '@/lib/diagnosis';
import type { InstallJobStatus } from '@/lib/engine/types';
import { chooseVllmVersion, installSteps } from '@/lib/engine/vllm-install';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { probeNvidiaSmi } from '../system/nvidia-smi';
import { EngineProcess } from './engine-process';
import { resolvePython } from './executables';
import type { LogStore } from './log-store';
import { settingsFile } from './python';

export function venvDir(env: AppEnv): string {
  return path.join(/*turbopackIgnore: true*/ env.dataDir, 'vllm-venv');
}

/** The driver's CUDA version from the `nvidia-smi` header, or null without a driver. */
async function driverCuda(): Promise<number | null> {
  const report = await probeNvidiaSmi();
  return report.status === 'ok' && report.cudaVersion ? Number(report.cudaVersion) : null;
}

export class InstallJob {
  status: InstallJobStatus;
  private process: EngineProcess | null = null;
  private cancelled = false;

  private constructor(
    private readonly env: AppEnv,
    private readonly logs: LogStore,
    private readonly onChange: (status: InstallJobStatus) => void,
    version: string,
  ) {
    this.status = {
      kind: 'install',
      id: randomUUID(),
      state: 'running',
      version,
      step: null,
      startedAt: Date.now(),
      endedAt: null,
      error: null,
      diagnosis: null,
    };
  }

  static async start(
    env: AppEnv,
    logs: LogStore,
    onChange: (s: InstallJobStatus) => void,
    version?: string,
  ): Promise<InstallJob> {
    const python = resolvePython(env.VLM_CONSOLE_PYTHON, null);
    if (!python)
      throw new AppError(
        'conflict',
        'No python3 found to create the virtual environment with.',
        'Install Python 3.10–3.12 first.',
      );
    let chosen = version;
    if (!chosen) {
      const { pin, reason } = chooseVllmVersion(await driverCuda());
      if (!pin) throw new AppError('conflict', reason);
      chosen = pin.version;
    }
    const job = new InstallJob(env, logs, onChange, chosen);
    void job.run(python);
    return job;
  }

  cancel(): void {
    this.cancelled = true;
    void this.process?.stop(5000);
  }

  private async run(python: string): Promise<void> {
    const scanner = createDiagnosisScanner({ phase: 'launch' });
    await this.logs.beginLaunch(this.status.id);
    this.logs.system(`Installing vLLM ${this.status.version} into ${venvDir(this.env)}`);
    for (const step of installSteps(python, venvDir(this.env), this.status.version)) {
      if (this.cancelled) break;
      this.update({ step: step.label });
      this.logs.system(`$ ${[step.executable, ...step.args].join(' ')}`);
      const code = await this.runStep(step.executable, step.args, (text) => scanner.push(text));
      if (code !== 0) {
        this.finish(
          this.cancelled ? 'cancelled' : 'failed',
          this.cancelled ? null : `${step.label} failed (exit code ${code}).`,
          scanner.result(),
        );
        return;
      }
    }
    if (this.cancelled) {
      this.finish('cancelled', null, null);
      return;
    }
    fs.writeFileSync(
      settingsFile(this.env),
      JSON.stringify({ python: path.join(venvDir(this.env), 'bin', 'python') }, null, 2),
    );
    this.logs.system(
      `vLLM ${this.status.version} is installed; launches now use ${venvDir(this.env)}/bin/python.`,
    );
    this.finish('succeeded', null, null);
  }

  private runStep(
    executable: string,
    args: string[],
    onText: (text: string) => void,
  ): Promise<number | null> {
    return new Promise((resolve) => {
      const stop = this.logs.subscribe((line, isNew) => {
        if (isNew && line.stream !== 'system') onText(line.text);
      });
      this.process = new EngineProcess(
        {
          launchId: this.status.id,
          executable,
          args,
          env: { ...process.env, PYTHONUNBUFFERED: '1', NO_COLOR: '1' },
          cwd: process.cwd(),
          graceMs: 5000,
        },
        {
          onOutput: (stream, chunk) => this.logs.write(stream, chunk),
          onSpawned: () => undefined,
          onSpawnError: (message) => {
            this.logs.system(`Could not start ${executable}: ${message}`);
            stop();
            resolve(127);
          },
          onExit: (code) => {
            this.logs.flush();
            stop();
            resolve(code);
          },
        },
      );
    });
  }

  private update(patch: Partial<InstallJobStatus>): void {
    this.status = { ...this.status, ...patch };
    this.onChange(this.status);
  }

  private finish(
    state: InstallJobStatus['state'],
    error: string | null,
    diagnosis: InstallJobStatus['diagnosis'],
  ): void {
    if (error) this.logs.system(error);
    this.logs.endLaunch();
    this.update({ state, error, diagnosis, endedAt: Date.now(), step: null });
  }
}
