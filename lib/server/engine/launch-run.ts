import 'server-only';
// One launch, in the order it happens: its head in the log and the port check, the weights download, the
// engine, readiness (or why it never came), the engine's end, and the clean-up that confirms every process
// is gone. The supervisor decides whether a launch may start or stop; a launch only writes its own outcome
// into the status, and it stops acting the moment its clean-up is done (a newer launch may own the status).
import { createDiagnosisScanner, type DiagnosisScanner, engineFamilyOf } from '@/lib/diagnosis';
import { ENGINE_KIND_SPECS } from '@/lib/engine/engine-kinds';
import { firstExceptionLine } from '@/lib/engine/exception-line';
import { maskUrlCredentials } from '@/lib/engine/mask-secrets';
import { nextStage } from '@/lib/engine/stages';
import type { EngineEvent } from '@/lib/engine/state-machine';
import type { EngineStatus, LogLine } from '@/lib/engine/types';
import { getCredentials } from '../auth/credentials';
import type { AppEnv } from '../env';
import type { EngineProcess } from './engine-process';
import { HealthMonitor } from './health-monitor';
import { checkKeyEnforced } from './key-check';
import type { LaunchPlan, LaunchStep } from './launch-plan';
import { type StepExit, startStep } from './launch-step';
import type { LogStore } from './log-store';
import { removePidFile } from './pid-file';
import { isPortFree, waitForPortFree } from './ports';
import type { ServedModel } from './probe';
import { startupTicks } from './startup-watch';
import { IDLE_STATUS, type StatusStore } from './status-store';

export interface LaunchContext {
  env: AppEnv;
  logs: LogStore;
  store: StatusStore;
}

/** How a starting launch's wait ends first: served, refused for good, the engine gone, or out of time. */
type StartOutcome = { ready: ServedModel } | { hopeless: string } | { exit: StepExit } | StartupEnd;
/** `over`: the launch stopped starting for another reason (stopped, ended, readied). */
type StartupEnd = 'timeout' | 'over';

/** How long a completed teardown waits for the engine's exit to be reported before it says `stopped`. */
const EXIT_REPORT_WAIT_MS = 2000;

export class LaunchRun {
  readonly monitor: HealthMonitor;
  private readonly scanner: DiagnosisScanner;
  private process: EngineProcess | null = null;
  /** The engine step's exit, once it runs: a stop waits for it, so `stopped` carries the real exit. */
  private engineExit: Promise<StepExit> | null = null;
  private teardown: Promise<void> | null = null;
  /** Set when the clean-up is done: from then on the status is no longer this launch's to change. */
  private finished = false;

  constructor(
    readonly plan: LaunchPlan,
    private readonly ctx: LaunchContext,
  ) {
    this.scanner = createDiagnosisScanner({ phase: 'launch', engine: engineFamilyOf(plan.profile.kind) });
    this.monitor = new HealthMonitor({
      healthUrl: plan.healthUrl,
      apiKey: plan.apiKey,
      intervalMs: ctx.env.VLM_CONSOLE_HEALTH_INTERVAL_S * 1000,
      onChange: (health) => ctx.store.patch({ health }),
    });
  }

  /** Writes the launch's head into the log and says `starting`; false (and `failed`) when its port is taken. */
  async begin(): Promise<boolean> {
    const { plan } = this;
    const { logs, env } = this.ctx;
    logs.setSecrets([plan.apiKey, env.HF_TOKEN, getCredentials().token]);
    await logs.beginLaunch(plan.launchId);
    const engineStep = plan.steps.find((s) => s.kind === 'engine');
    logs.system(`Launch ${plan.launchId}: profile ${plan.profile.id}`);
    for (const note of plan.notes) logs.system(note);
    if (engineStep) logs.system(`$ ${engineStep.display.join(' ')}`);
    const now = Date.now();
    this.transition('start', {
      ...IDLE_STATUS,
      state: this.status.state,
      launchId: plan.launchId,
      profile: plan.profile.id,
      options: publicOptions(plan.options),
      startedAt: now,
      logStartSeq: logs.launchStartSeq,
      stage: { name: 'launching', since: now },
      command: engineStep?.display ?? null,
    });
    if (plan.port === null || (await isPortFree(plan.port))) return true;
    const message = `Port ${plan.port} is already in use on 127.0.0.1 (another server, or an engine left behind).`;
    logs.system(`${message} Pick another port in the launch settings or stop the process holding it.`);
    this.transition('hopeless', { error: message });
    this.finished = true;
    return false;
  }

  /** The launch from its first command to the engine's end; readiness is detected by probing, not the log. */
  async run(): Promise<void> {
    const startup = this.watchStartup();
    if (!(await this.download(startup))) return;
    const engineStep = this.plan.steps.find((s) => s.kind === 'engine');
    const exited = engineStep ? this.spawn(engineStep) : null;
    this.engineExit = exited;
    const waits: Promise<StartOutcome>[] = [this.untilServing(), startup];
    if (exited) waits.push(exited.then((exit) => ({ exit })));
    const first = await Promise.race(waits);
    if (first === 'timeout') this.timeOut();
    else if (first !== 'over' && 'hopeless' in first) this.end('hopeless', { error: first.hopeless });
    else if (first !== 'over' && 'ready' in first) this.becomeReady(first.ready);
    // However the wait ended, the engine runs until it exits: crashed, stopped, or killed by a clean-up.
    if (exited) this.onEngineExit(await exited);
  }

  /** Stops the launch at the user's (or the app's) word; the engine's exit once reported, else null. */
  async stop(): Promise<StepExit | null> {
    this.monitor.stop();
    this.ctx.logs.system('Stopping: SIGTERM to the engine process group.');
    await this.cleanup();
    if (!this.engineExit) return null;
    return Promise.race([
      this.engineExit,
      new Promise<null>((r) => setTimeout(r, EXIT_REPORT_WAIT_MS, null)),
    ]);
  }

  /** Resolves once the launch's clean-up is done (at once when none was needed or begun). */
  get cleanedUp(): Promise<void> {
    return this.teardown ?? Promise.resolve();
  }

  /** Every log line while this launch is the newest: the diagnosis scanner and the startup stage read it. */
  onLogLine(line: LogLine, isNew: boolean): void {
    const state = this.status.state;
    if (isNew && line.stream !== 'system' && (state === 'starting' || state === 'ready')) {
      this.scanner.push(line.text, line.seq);
    }
    if (state !== 'starting') return;
    const stage = nextStage(this.status.stage, line.text, line.ts);
    if (stage && stage !== this.status.stage) this.ctx.store.setStage(stage);
    if (this.status.warning) this.ctx.store.patch({ warning: null });
  }

  /** Runs the weights download when the plan has one; true when the launch goes on to the engine. */
  private async download(startup: Promise<StartupEnd>): Promise<boolean> {
    for (const step of this.plan.steps) {
      if (step.kind !== 'download' || !this.isStarting()) continue;
      this.ctx.store.setStage({ name: 'downloading weights', since: Date.now() });
      this.ctx.logs.system(`Downloading weights first: $ ${step.display.join(' ')}`);
      const exit = await Promise.race([this.spawn(step), startup]);
      if (exit === 'timeout') this.timeOut();
      if (typeof exit === 'string' || !this.isStarting()) return false;
      if (exit.code !== 0) {
        this.end('hopeless', { exit, error: this.errorLine() ?? 'The weights download failed.' });
        return false;
      }
    }
    return this.isStarting();
  }

  private spawn(step: LaunchStep): Promise<StepExit> {
    const { process: proc, exited } = startStep(this.plan, step, {
      env: this.ctx.env,
      logs: this.ctx.logs,
      startedAt: this.status.startedAt ?? Date.now(),
      onPid: (pid) => this.ctx.store.patch({ pid }),
    });
    this.process = proc;
    return exited;
  }

  /** Probes until the engine answers, then asks which model it serves. */
  private async untilServing(): Promise<StartOutcome> {
    const answers = await this.monitor.waitUntilReady(() => this.isStarting());
    if (!answers || !this.isStarting()) return 'over';
    const model = await this.monitor.servedModel(this.plan.baseUrl, this.plan.preferredModel);
    if (!this.isStarting()) return 'over';
    return 'error' in model ? { hopeless: `The engine answers, but ${model.error}.` } : { ready: model };
  }

  private becomeReady(model: ServedModel): void {
    const now = Date.now();
    this.ctx.logs.system(`Ready: ${model.id} answers on ${this.plan.baseUrl}`);
    this.transition('ready', { readyAt: now, model, stage: { name: 'ready', since: now }, warning: null });
    this.monitor.startInterval();
    void this.checkKey();
  }

  /** Asks the ready engine once without its key; an answer means the key never reached it. */
  private async checkKey(): Promise<void> {
    const { plan } = this;
    const how = ENGINE_KIND_SPECS[plan.profile.kind].apiKey;
    if (!plan.apiKey || !how || plan.port === null) return;
    const found = await checkKeyEnforced(plan.baseUrl, 'env' in how ? how.env : how.flag);
    if (!found || this.finished || this.status.state !== 'ready') return;
    this.ctx.logs.system(`Warning: ${found.diagnosis.explanation}`);
    this.ctx.store.patch({ warning: found.warning, diagnosis: found.diagnosis });
  }

  private onEngineExit(exit: StepExit): void {
    if (this.finished) return;
    const how = exit.signal
      ? `signal ${exit.signal}`
      : exit.code === null
        ? 'its exit status was not reported'
        : `exit code ${exit.code}`;
    this.ctx.logs.system(`The engine process ended (${how}).`);
    const state = this.status.state;
    if (state === 'starting' || state === 'ready') {
      this.end('exit', { exit, error: this.errorLine(), health: null });
    } else if (state === 'stopping') {
      this.ctx.store.patch({ exit });
    }
  }

  /**
   * Resolves `timeout` if the launch still starts when the startup timeout passes, `over` once it no longer
   * starts. Meanwhile, each tick, it shows a rule the log already matches and warns when the log is silent
   * long (a stalled download looks exactly like that).
   */
  private async watchStartup(): Promise<StartupEnd> {
    const timeoutMs = this.ctx.env.VLM_CONSOLE_STARTUP_TIMEOUT_S * 1000;
    const stallMs = this.ctx.env.VLM_CONSOLE_STALL_WARNING_S * 1000;
    for await (const _tick of startupTicks(timeoutMs, Math.min(1000, timeoutMs, stallMs))) {
      if (!this.isStarting()) return 'over';
      const diagnosis = this.scanner.result();
      if (diagnosis && diagnosis.ruleId !== this.status.diagnosis?.ruleId)
        this.ctx.store.patch({ diagnosis });
      const silentFor = Date.now() - this.ctx.logs.lastWriteAt;
      if (silentFor >= stallMs && !this.status.warning) {
        this.ctx.store.patch({
          warning: `No log output for ${Math.round(silentFor / 60_000)} min: the engine may be stuck.`,
        });
      }
    }
    return this.isStarting() ? 'timeout' : 'over';
  }

  private timeOut(): void {
    if (!this.isStarting()) return;
    const timeoutMs = this.ctx.env.VLM_CONSOLE_STARTUP_TIMEOUT_S * 1000;
    const message = `The engine did not become ready within ${Math.round(timeoutMs / 1000)} s.`;
    this.ctx.logs.system(`${message} Stopping it.`);
    this.end('timeout', { error: message });
  }

  /** The launch ends badly: say so, then clean up (not awaited: the engine's exit is still reported). */
  private end(event: 'hopeless' | 'exit' | 'timeout', patch: Partial<EngineStatus>): void {
    this.transition(event, patch);
    void this.cleanup();
  }

  /** Kills whatever is left of the launch and confirms it: no process alive, the port free, no pid file. */
  private cleanup(): Promise<void> {
    this.teardown ??= this.tearDown();
    return this.teardown;
  }

  private async tearDown(): Promise<void> {
    const { plan } = this;
    const { logs, env } = this.ctx;
    this.monitor.stop();
    await this.process?.stop(env.VLM_CONSOLE_STOP_GRACE_S * 1000 + 5000);
    const left = this.process?.livingProcesses() ?? [];
    if (left.length > 0) logs.system(`Still alive after SIGKILL: ${left.join(', ')}`);
    if (plan.port !== null && !(await waitForPortFree(plan.port, 5000))) {
      logs.system(`Port ${plan.port} is still taken by another process.`);
    }
    await removePidFile(env.dataDir);
    logs.system('All processes of the launch are gone.');
    logs.endLaunch();
    this.finished = true;
  }

  /** The launch is the status's owner and still starting: nothing has ended or readied it. */
  private isStarting(): boolean {
    return !this.finished && this.status.state === 'starting';
  }

  private errorLine(): string | null {
    return firstExceptionLine(this.ctx.logs.launchLines().map((l) => l.text));
  }

  /** A launch that ends badly carries what the diagnosis rules make of its log. */
  private transition(event: EngineEvent, patch: Partial<EngineStatus>): void {
    this.ctx.store.transition(event, (state) =>
      (state === 'crashed' || state === 'failed') && !('diagnosis' in patch)
        ? { ...patch, diagnosis: this.scanner.result() }
        : patch,
    );
  }

  private get status(): EngineStatus {
    return this.ctx.store.current;
  }
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
