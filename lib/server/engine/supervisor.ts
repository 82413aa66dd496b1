import 'server-only';
// The engine supervisor: one engine at a time, its life cycle, its log and its health. Route handlers call
// start/stop/status; everything else (readiness probing, stage tracking, crash detection, clean-up) happens
// here. Invariants: the state only changes through the transition table; start and stop are serialised;
// a launch's processes are gone (checked, not assumed) before the state says `stopped`.
import { createDiagnosisScanner, type DiagnosisScanner, engineFamilyOf } from '@/lib/diagnosis';
import { ENGINE_KIND_SPECS } from '@/lib/engine/engine-kinds';
import { firstExceptionLine } from '@/lib/engine/exception-line';
import { maskUrlCredentials } from '@/lib/engine/mask-secrets';
import { type EngineProfile, effectiveReasoningFormat, type ReasoningFormat } from '@/lib/engine/profiles';
import { nextStage } from '@/lib/engine/stages';
import { type EngineEvent, isActive } from '@/lib/engine/state-machine';
import type { EngineHealth, EngineStatus, LogLine } from '@/lib/engine/types';
import { getCredentials } from '../auth/credentials';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { probeNvidiaSmi } from '../system/nvidia-smi';
import type { EngineProcess } from './engine-process';
import { HealthMonitor } from './health-monitor';
import { InstallJob } from './install-job';
import { checkKeyEnforced } from './key-check';
import { checkTensorParallel, type LaunchPlan, type LaunchStep, prepareLaunch } from './launch-plan';
import { type StepExit, startStep } from './launch-step';
import { LogStore } from './log-store';
import { recoverOrphan, stopOrphan } from './orphans';
import { removePidFile } from './pid-file';
import { isPortFree, waitForPortFree } from './ports';
import { watchStartup } from './startup-watch';
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

interface ActiveLaunch {
  plan: LaunchPlan;
  process: EngineProcess | null;
  monitor: HealthMonitor;
  /** The engine step's exit, once it runs: a stop waits for it, so `stopped` carries the real exit. */
  engineExit: Promise<StepExit> | null;
}

/** How long a completed teardown waits for the engine's exit to be reported before it says `stopped`. */
const EXIT_REPORT_WAIT_MS = 2000;

export class EngineSupervisor {
  readonly logs: LogStore;
  private readonly store = new StatusStore();
  private active: ActiveLaunch | null = null;
  private lock: Promise<unknown> = Promise.resolve();
  private teardown: Promise<void> | null = null;
  private orphan: Awaited<ReturnType<typeof recoverOrphan>> = null;
  private scanner: DiagnosisScanner = createDiagnosisScanner({ phase: 'launch' });
  private installJob: InstallJob | null = null;

  constructor(private readonly env: AppEnv) {
    this.logs = new LogStore({
      dataDir: env.dataDir,
      maxLines: env.VLM_CONSOLE_LOG_MAX_LINES,
      maxBytes: env.VLM_CONSOLE_LOG_MAX_BYTES,
      onLine: (line, isNew) => this.onLogLine(line, isNew),
    });
  }

  /** Looks for an engine left running by an earlier app process. Called once after construction. */
  async init(): Promise<void> {
    this.orphan = await recoverOrphan(this.env.dataDir);
    if (!this.orphan) return;
    const { record } = this.orphan;
    this.transition('orphan-found', {
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
      await this.teardown;
      await this.launch(plan);
      return this.status;
    });
  }

  /** `by`: who asks — the user (Stop), or the app exiting (its SIGTERM/SIGINT handler); history says which. */
  stop(by: 'you' | 'app-exit' = 'you'): Promise<EngineStatus> {
    return this.serialised(async () => {
      const state = this.status.state;
      if (state === 'crashed' || state === 'failed') {
        this.transition('stop', { stage: null });
        return this.status;
      }
      if (state !== 'starting' && state !== 'ready' && state !== 'orphaned') return this.status;
      this.transition('stop', { warning: null, stoppedBy: by });
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
    await this.teardown;
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task, task);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async launch(plan: LaunchPlan): Promise<void> {
    this.logs.setSecrets([plan.apiKey, this.env.HF_TOKEN, getCredentials().token]);
    await this.logs.beginLaunch(plan.launchId);
    this.scanner = createDiagnosisScanner({ phase: 'launch', engine: engineFamilyOf(plan.profile.kind) });
    const engineStep = plan.steps.find((s) => s.kind === 'engine');
    this.logs.system(`Launch ${plan.launchId}: profile ${plan.profile.id}`);
    for (const note of plan.notes) this.logs.system(note);
    if (engineStep) this.logs.system(`$ ${engineStep.display.join(' ')}`);
    const now = Date.now();
    const monitor = new HealthMonitor({
      healthUrl: plan.healthUrl,
      apiKey: plan.apiKey,
      intervalMs: this.env.VLM_CONSOLE_HEALTH_INTERVAL_S * 1000,
      onChange: (health) => this.patch({ health }),
    });
    this.active = { plan, process: null, monitor, engineExit: null };
    this.transition('start', {
      ...IDLE_STATUS,
      state: this.status.state,
      launchId: plan.launchId,
      profile: plan.profile.id,
      options: publicOptions(plan.options),
      startedAt: now,
      logStartSeq: this.logs.launchStartSeq,
      stage: { name: 'launching', since: now },
      command: engineStep?.display ?? null,
    });
    if (plan.port !== null && !(await isPortFree(plan.port))) {
      const message = `Port ${plan.port} is already in use on 127.0.0.1 (another server, or an engine left behind).`;
      this.logs.system(`${message} Pick another port in the launch settings or stop the process holding it.`);
      this.transition('hopeless', { error: message });
      this.active = null;
      return;
    }
    this.watchStartup(plan);
    void this.runSteps(plan);
  }

  /** Runs the download (when needed), then the engine; readiness is detected by probing, not by the log. */
  private async runSteps(plan: LaunchPlan): Promise<void> {
    if (plan.steps.length === 0) {
      this.probeUntilReady(plan);
      return;
    }
    for (const step of plan.steps) {
      if (!this.isStarting(plan)) return;
      if (step.kind === 'download') {
        this.store.setStage({ name: 'downloading weights', since: Date.now() });
        this.logs.system(`Downloading weights first: $ ${step.display.join(' ')}`);
        const exit = await this.spawnStep(plan, step);
        if (exit.code !== 0) {
          if (this.status.state === 'starting') {
            this.transition('hopeless', { exit, error: this.errorLine() ?? 'The weights download failed.' });
            await this.cleanupAfterEnd(plan);
          }
          return;
        }
        continue;
      }
      const exited = this.spawnStep(plan, step);
      if (this.active?.plan === plan) this.active.engineExit = exited;
      void exited.then((exit) => this.onEngineExit(plan, exit));
      this.probeUntilReady(plan);
    }
  }

  private spawnStep(plan: LaunchPlan, step: LaunchStep): Promise<StepExit> {
    const { process: proc, exited } = startStep(plan, step, {
      env: this.env,
      logs: this.logs,
      startedAt: this.status.startedAt ?? Date.now(),
      onPid: (pid) => this.patch({ pid }),
    });
    if (this.active?.plan === plan) this.active.process = proc;
    return exited;
  }

  private probeUntilReady(plan: LaunchPlan): void {
    const active = this.active;
    if (!active || active.plan !== plan) return;
    void active.monitor
      .waitUntilReady(() => this.isStarting(plan))
      .then(async (ok) => {
        if (!ok || !this.isStarting(plan)) return;
        const model = await active.monitor.servedModel(plan.baseUrl, plan.preferredModel);
        if (!this.isStarting(plan)) return;
        if ('error' in model) {
          this.transition('hopeless', { error: `The engine answers, but ${model.error}.` });
          await this.cleanupAfterEnd(plan);
          return;
        }
        const now = Date.now();
        this.logs.system(`Ready: ${model.id} answers on ${plan.baseUrl}`);
        this.transition('ready', {
          readyAt: now,
          model,
          stage: { name: 'ready', since: now },
          warning: null,
        });
        active.monitor.startInterval();
        void this.checkKey(plan);
      });
  }

  /** Asks the ready engine once without its key; an answer means the key never reached it. */
  private async checkKey(plan: LaunchPlan): Promise<void> {
    const how = ENGINE_KIND_SPECS[plan.profile.kind].apiKey;
    if (!plan.apiKey || !how || plan.port === null) return;
    const found = await checkKeyEnforced(plan.baseUrl, 'env' in how ? how.env : how.flag);
    if (!found || this.active?.plan !== plan || this.status.state !== 'ready') return;
    this.logs.system(`Warning: ${found.diagnosis.explanation}`);
    this.patch({ warning: found.warning, diagnosis: found.diagnosis });
  }

  private onEngineExit(plan: LaunchPlan, exit: StepExit): void {
    if (this.active?.plan !== plan) return;
    const how = exit.signal
      ? `signal ${exit.signal}`
      : exit.code === null
        ? 'its exit status was not reported'
        : `exit code ${exit.code}`;
    this.logs.system(`The engine process ended (${how}).`);
    if (this.status.state === 'starting' || this.status.state === 'ready') {
      this.transition('exit', { exit, error: this.errorLine(), health: null });
      void this.cleanupAfterEnd(plan);
    } else if (this.status.state === 'stopping') {
      this.patch({ exit });
    }
  }

  /** Startup timeout, the silent-log warning, and a known warning while the launch goes on. */
  private watchStartup(plan: LaunchPlan): void {
    const timeoutMs = this.env.VLM_CONSOLE_STARTUP_TIMEOUT_S * 1000;
    const stallMs = this.env.VLM_CONSOLE_STALL_WARNING_S * 1000;
    watchStartup({
      timeoutMs,
      stallMs,
      isStarting: () => this.isStarting(plan),
      lastOutputAt: () => this.logs.lastWriteAt,
      onTimeout: () => {
        const message = `The engine did not become ready within ${Math.round(timeoutMs / 1000)} s.`;
        this.logs.system(`${message} Stopping it.`);
        this.transition('timeout', { error: message });
        void this.cleanupAfterEnd(plan);
      },
      onTick: (silentFor) => {
        const diagnosis = this.scanner.result();
        if (diagnosis && diagnosis.ruleId !== this.status.diagnosis?.ruleId) this.patch({ diagnosis });
        if (silentFor >= stallMs && !this.status.warning) {
          this.patch({
            warning: `No log output for ${Math.round(silentFor / 60_000)} min: the engine may be stuck.`,
          });
        }
      },
    });
  }

  private async stopActive(): Promise<void> {
    const active = this.active;
    if (!active) {
      this.transition('stopped', {});
      return;
    }
    active.monitor.stop();
    this.logs.system('Stopping: SIGTERM to the engine process group.');
    await this.cleanupAfterEnd(active.plan);
    const exit = active.engineExit
      ? await Promise.race([
          active.engineExit,
          new Promise<null>((r) => setTimeout(r, EXIT_REPORT_WAIT_MS, null)),
        ])
      : null;
    this.transition('stopped', { health: null, stage: null, ...(exit ? { exit } : {}) });
  }

  /** Kills whatever is left of a launch and confirms it: no process alive, the port free, no pid file. */
  private async cleanupAfterEnd(plan: LaunchPlan): Promise<void> {
    const active = this.active;
    if (!active || active.plan !== plan) return;
    active.monitor.stop();
    const grace = this.env.VLM_CONSOLE_STOP_GRACE_S * 1000;
    const work = (async () => {
      await active.process?.stop(grace + 5000);
      const left = active.process?.livingProcesses() ?? [];
      if (left.length > 0) this.logs.system(`Still alive after SIGKILL: ${left.join(', ')}`);
      if (plan.port !== null && !(await waitForPortFree(plan.port, 5000))) {
        this.logs.system(`Port ${plan.port} is still taken by another process.`);
      }
      await removePidFile(this.env.dataDir);
      this.logs.system('All processes of the launch are gone.');
      this.logs.endLaunch();
    })();
    this.teardown = work;
    await work;
    if (this.active === active) this.active = null;
  }

  private async stopOrphaned(): Promise<void> {
    if (this.orphan) {
      this.logs.system(`Stopping the engine left by an earlier run (pid ${this.orphan.record.pid}).`);
      await stopOrphan(this.orphan, this.env.VLM_CONSOLE_STOP_GRACE_S * 1000);
      await removePidFile(this.env.dataDir);
    }
    this.orphan = null;
    this.transition('stopped', { ...IDLE_STATUS, state: this.status.state });
  }

  private onLogLine(line: LogLine, isNew: boolean): void {
    const state = this.status.state;
    if (isNew && line.stream !== 'system' && (state === 'starting' || state === 'ready')) {
      this.scanner.push(line.text, line.seq);
    }
    if (state !== 'starting') return;
    const stage = nextStage(this.status.stage, line.text, line.ts);
    if (stage && stage !== this.status.stage) this.store.setStage(stage);
    if (this.status.warning) this.patch({ warning: null });
  }

  /** The launch of `plan` is the current one and still starting: nothing else has ended or readied it. */
  private isStarting(plan: LaunchPlan): boolean {
    return this.active?.plan === plan && this.status.state === 'starting';
  }

  private errorLine(): string | null {
    return firstExceptionLine(this.logs.launchLines().map((l) => l.text));
  }

  /** A launch that ends badly carries what the diagnosis rules make of its log. */
  private transition(event: EngineEvent, patch: Partial<EngineStatus>): void {
    this.store.transition(event, (state) =>
      (state === 'crashed' || state === 'failed') && !('diagnosis' in patch)
        ? { ...patch, diagnosis: this.scanner.result() }
        : patch,
    );
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

/** Secrets given as options (an external server's key, credentials in its URL) never leave the server in a status. */
function publicOptions(options: Record<string, unknown>): Record<string, unknown> {
  const { apiKey, ...rest } = options;
  const shown = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      typeof value === 'string' ? maskUrlCredentials(value) : value,
    ]),
  );
  return apiKey ? { ...shown, apiKey: '***' } : shown;
}
