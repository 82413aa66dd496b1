import 'server-only';
// The engine supervisor: one engine at a time. Route handlers call start/stop/status; the supervisor decides
// whether a launch may begin or end (serialised, one at a time, never while an install runs or a clean-up
// is still under way) and hands the launch itself to a LaunchRun, which reads start to end in launch-run.ts.
// Invariants: the state only changes through the transition table; a launch's processes are gone (checked,
// not assumed) before the state says `stopped`.
import { type EngineProfile, effectiveReasoningFormat, type ReasoningFormat } from '@/lib/engine/profiles';
import { isActive } from '@/lib/engine/state-machine';
import type { EngineHealth, EngineStatus } from '@/lib/engine/types';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { probeNvidiaSmi } from '../system/nvidia-smi';
import { InstallJob } from './install-job';
import { checkTensorParallel, type LaunchPlan, prepareLaunch } from './launch-plan';
import { LaunchRun } from './launch-run';
import { LogStore } from './log-store';
import { recoverOrphan, stopOrphan } from './orphans';
import { removePidFile } from './pid-file';
import { IDLE_STATUS, StatusStore } from './status-store';

export interface EngineConnection {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  profile: EngineProfile;
  reasoningFormat: ReasoningFormat;
  /** Images the engine takes per request: the launch's --limit-mm-per-prompt, else the profile's. */
  imageLimit: number;
}

export class EngineSupervisor {
  readonly logs: LogStore;
  private readonly store = new StatusStore();
  /** The newest launch; it may have ended (its status says so), but its clean-up gates the next one. */
  private active: LaunchRun | null = null;
  private lock: Promise<unknown> = Promise.resolve();
  private teardown: Promise<void> | null = null;
  private orphan: Awaited<ReturnType<typeof recoverOrphan>> = null;
  private installJob: InstallJob | null = null;

  constructor(private readonly env: AppEnv) {
    this.logs = new LogStore({
      dataDir: env.dataDir,
      maxLines: env.VLM_CONSOLE_LOG_MAX_LINES,
      maxBytes: env.VLM_CONSOLE_LOG_MAX_BYTES,
      onLine: (line, isNew) => this.active?.onLogLine(line, isNew),
    });
  }

  /** Looks for an engine left running by an earlier app process. Called once after construction. */
  async init(): Promise<void> {
    this.orphan = await recoverOrphan(this.env.dataDir);
    if (!this.orphan) return;
    const { record } = this.orphan;
    this.store.transition('orphan-found', {
      launchId: record.launchId,
      profile: record.profile,
      pid: record.pid,
      startedAt: record.startedAt,
      command: record.command,
      error: `An engine from an earlier run of the app is still running (pid ${record.pid}). Stop it before starting another.`,
    });
  }

  getStatus(): EngineStatus {
    return this.status;
  }

  /** Where chat requests go while the engine is ready. */
  getConnection(): EngineConnection | null {
    if (this.status.state !== 'ready' || !this.active || !this.status.model) return null;
    const { plan } = this.active;
    return {
      baseUrl: plan.baseUrl,
      apiKey: plan.apiKey,
      model: this.status.model.id,
      profile: plan.profile,
      reasoningFormat: effectiveReasoningFormat(plan.profile, plan.options),
      imageLimit:
        typeof plan.options.imagesPerPrompt === 'number'
          ? plan.options.imagesPerPrompt
          : plan.profile.images.maxImagesPerMessage,
    };
  }

  onStatus(listener: (status: EngineStatus) => void): () => void {
    return this.store.onChange(listener);
  }

  start(profileId: string, options: Record<string, unknown>): Promise<EngineStatus> {
    return this.serialised(async () => {
      const state = this.status.state;
      if (state === 'starting' || state === 'ready') return this.status;
      if (state === 'stopping') {
        throw new AppError('conflict', 'The engine is stopping.', 'Start again once it has stopped.');
      }
      if (state === 'orphaned') {
        throw new AppError('conflict', this.status.error ?? 'An engine is still running.', 'Stop it first.');
      }
      if (this.installJob?.status.state === 'running') {
        throw new AppError(
          'conflict',
          'vLLM is being installed.',
          'Wait for the install to finish, or cancel it.',
        );
      }
      const plan = await prepareLaunch(profileId, options, this.env);
      await checkTensorParallel(plan, gpuCount);
      await this.settled();
      await this.launch(plan);
      return this.status;
    });
  }

  /** `by`: who asks — the user (Stop), or the app exiting (its SIGTERM/SIGINT handler); history says which. */
  stop(by: 'you' | 'app-exit' = 'you'): Promise<EngineStatus> {
    return this.serialised(async () => {
      const state = this.status.state;
      if (state === 'crashed' || state === 'failed') {
        this.store.transition('stop', { stage: null });
        return this.status;
      }
      if (state !== 'starting' && state !== 'ready' && state !== 'orphaned') return this.status;
      this.store.transition('stop', { warning: null, stoppedBy: by });
      this.teardown = state === 'orphaned' ? this.stopOrphaned() : this.stopActive();
      return this.status;
    });
  }

  /** Installs vLLM into a venv in the data dir, as a supervised job; only while no engine runs. */
  installVllm(version?: string): Promise<EngineStatus> {
    return this.serialised(async () => {
      if (isActive(this.status.state)) {
        throw new AppError('conflict', 'An engine is running.', 'Stop it before installing vLLM.');
      }
      if (this.installJob?.status.state === 'running') return this.status;
      this.installJob = await InstallJob.start(this.env, this.logs, (job) => this.patch({ job }), version);
      this.patch({ job: this.installJob.status });
      return this.status;
    });
  }

  cancelInstall(): EngineStatus {
    if (this.installJob?.status.state === 'running') this.installJob.cancel();
    return this.status;
  }

  /** Probes health now (for GET /api/engine/health); null when nothing runs. */
  async checkHealth(): Promise<EngineHealth | null> {
    if (!this.active || this.status.state !== 'ready') return this.status.health;
    return this.active.monitor.probeNow();
  }

  /** The app is exiting: stop whatever runs, and wait for it. */
  async shutdown(): Promise<void> {
    this.installJob?.cancel();
    if (isActive(this.status.state) && this.status.state !== 'stopping') await this.stop('app-exit');
    await this.settled();
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task, task);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async launch(plan: LaunchPlan): Promise<void> {
    const launch = new LaunchRun(plan, { env: this.env, logs: this.logs, store: this.store });
    this.active = launch;
    if (await launch.begin()) void launch.run();
    else this.active = null;
  }

  private async stopActive(): Promise<void> {
    if (!this.active) {
      this.store.transition('stopped', {});
      return;
    }
    const exit = await this.active.stop();
    this.store.transition('stopped', { health: null, stage: null, ...(exit ? { exit } : {}) });
  }

  private async stopOrphaned(): Promise<void> {
    if (this.orphan) {
      this.logs.system(`Stopping the engine left by an earlier run (pid ${this.orphan.record.pid}).`);
      await stopOrphan(this.orphan, this.env.VLM_CONSOLE_STOP_GRACE_S * 1000);
      await removePidFile(this.env.dataDir);
    }
    this.orphan = null;
    this.store.transition('stopped', { ...IDLE_STATUS, state: this.status.state });
  }

  /** A stop or a launch's clean-up still under way: nothing new starts before it is done. */
  private async settled(): Promise<void> {
    await this.teardown;
    await this.active?.cleanedUp;
  }

  private patch(patch: Partial<EngineStatus>): void {
    this.store.patch(patch);
  }

  /** The current status (a snapshot; replaced, never mutated, on change). */
  private get status(): EngineStatus {
    return this.store.current;
  }
}

/** GPUs nvidia-smi reports; 0 without a driver, null when it could not tell. */
async function gpuCount(): Promise<number | null> {
  const report = await probeNvidiaSmi();
  if (report.status === 'ok') return report.gpus.length;
  return report.status === 'missing' || report.status === 'no-devices' ? 0 : null;
}
