import 'server-only';
// "Install vLLM" from the console (and from the notebook, through the same route): the planner's steps run
// one by one as a supervised job (the same watchdog as an engine: cancellable, nothing survives the app),
// their output streaming into the engine log through the install diagnosis. A step that exits 0 after its
// downloads failed (pip does, after its retries) fails the job all the same; a venv this job made and could
// not finish is removed. On success the venv's Python becomes the one launches use (unless
// VLM_CONSOLE_PYTHON says otherwise).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnosis } from '@/lib/diagnosis';
import type { InstallJobStatus } from '@/lib/engine/types';
import { displayCommand, type InstallPlan, type PlanStep } from '@/lib/engine/vllm-install';
import { createInstallScanner, DOWNLOAD_FAILURES } from '@/lib/engine/vllm-install-diagnosis';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { EngineProcess } from './engine-process';
import { type MachinePlan, machineInstallPlan } from './install-plan';
import type { LogStore } from './log-store';
import { settingsFile } from './python';

const FOUND_PLATFORM = /^Python \d+\.\d+\.\d+ on \S+ \S+ \([^)]*\)$/;

interface StepOutcome {
  code: number | null;
  diagnosis: Diagnosis | null;
}

export class InstallJob {
  status: InstallJobStatus;
  private process: EngineProcess | null = null;
  private cancelled = false;
  private readonly scanner = createInstallScanner();
  /** "Python 3.12.3 on linux x86_64 (glibc 2.35)", from the preflight: what pip matches wheels against. */
  private found: string | null = null;

  private constructor(
    private readonly env: AppEnv,
    private readonly logs: LogStore,
    private readonly onChange: (status: InstallJobStatus) => void,
    private readonly machine: MachinePlan,
  ) {
    this.status = {
      kind: 'install',
      id: randomUUID(),
      state: 'running',
      version: machine.plan.vllm,
      step: null,
      startedAt: Date.now(),
      endedAt: null,
      error: null,
      diagnosis: null,
      variant: machine.plan.variant,
      installer: machine.plan.installer,
    };
  }

  static async start(
    env: AppEnv,
    logs: LogStore,
    onChange: (s: InstallJobStatus) => void,
    version?: string,
  ): Promise<InstallJob> {
    const machine = await machineInstallPlan(env, version);
    const { refusal } = machine.plan;
    if (refusal) throw new AppError('conflict', refusal.message, refusal.hint);
    const job = new InstallJob(env, logs, onChange, machine);
    void job.run();
    return job;
  }

  cancel(): void {
    this.cancelled = true;
    void this.process?.stop(5000);
  }

  private get plan(): InstallPlan {
    return this.machine.plan;
  }

  private async run(): Promise<void> {
    const { venvDir: dir, venv } = this.machine;
    await this.logs.beginLaunch(this.status.id);
    this.logs.system(`Installing vLLM ${this.plan.vllm} into ${dir}: ${this.plan.reason}`);
    if (venv === 'broken')
      this.removeVenv(`Removed a broken virtual environment at ${dir} (its python does not run).`);
    const madeVenv = this.plan.steps.some((s) => s.id === 'venv');
    for (const step of this.plan.steps) {
      if (this.cancelled) break;
      const failure = await this.runStep(step);
      if (failure && !this.cancelled) {
        if (madeVenv) this.removeVenv(`Removed the half-made virtual environment at ${dir}.`);
        this.finish('failed', failure, this.scanner.result());
        return;
      }
    }
    if (this.cancelled) {
      if (madeVenv) this.removeVenv(`Removed the half-made virtual environment at ${dir}.`);
      this.finish('cancelled', null, null);
      return;
    }
    const python = path.join(/*turbopackIgnore: true*/ dir, 'bin', 'python');
    fs.writeFileSync(settingsFile(this.env), JSON.stringify({ python }, null, 2));
    this.logs.system(
      `vLLM ${this.plan.vllm} (${this.plan.variant}) is installed; launches now use ${python}.`,
    );
    this.finish('succeeded', null, null);
  }

  /** Runs one step; the error message when it failed, else null. */
  private async runStep(step: PlanStep): Promise<string | null> {
    this.update({ step: step.label });
    this.logs.system(`$ ${displayCommand(step.argv)}`);
    const { code, diagnosis } = await this.spawn(step.argv);
    if (code !== 0) {
      const found =
        diagnosis?.category === 'no_matching_distribution' && this.found ? ` Found: ${this.found}.` : '';
      return `${step.label} failed (exit code ${code}).${found}`;
    }
    if (diagnosis && DOWNLOAD_FAILURES.has(diagnosis.category)) {
      return `${step.label} exited 0, but it could not download: ${diagnosis.title.toLowerCase()}.`;
    }
    return null;
  }

  private spawn(argv: readonly string[]): Promise<StepOutcome> {
    const [executable = '', ...args] = argv;
    const stepScanner = createInstallScanner();
    return new Promise((resolve) => {
      const stop = this.logs.subscribe((line, isNew) => {
        if (!isNew || line.stream === 'system') return;
        this.scanner.push(line.text, line.seq);
        stepScanner.push(line.text, line.seq);
        if (FOUND_PLATFORM.test(line.text)) this.found = line.text;
      });
      const done = (code: number | null) => {
        stop();
        resolve({ code, diagnosis: stepScanner.result() });
      };
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
            done(127);
          },
          onExit: (code) => {
            this.logs.flush();
            done(code);
          },
        },
      );
    });
  }

  private removeVenv(message: string): void {
    try {
      fs.rmSync(this.machine.venvDir, { recursive: true, force: true });
      this.logs.system(message);
    } catch (error) {
      this.logs.system(`Could not remove ${this.machine.venvDir}: ${(error as Error).message}`);
    }
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
