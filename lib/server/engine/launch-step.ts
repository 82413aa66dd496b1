import 'server-only';
// Runs one command of a launch (the weights download or the engine) under the watchdog, with its output
// in the engine log and its pid recorded in the pid file the moment it exists.
import type { AppEnv } from '../env';
import { EngineProcess } from './engine-process';
import type { LaunchPlan, LaunchStep } from './launch-plan';
import type { LogStore } from './log-store';
import { writePidFile } from './pid-file';

export interface StepExit {
  code: number | null;
  signal: string | null;
}

export interface StepDeps {
  env: AppEnv;
  logs: LogStore;
  startedAt: number;
  onPid(pid: number): void;
}

export function startStep(
  plan: LaunchPlan,
  step: LaunchStep,
  deps: StepDeps,
): { process: EngineProcess; exited: Promise<StepExit> } {
  let resolveExit: (exit: StepExit) => void = () => undefined;
  const exited = new Promise<StepExit>((resolve) => {
    resolveExit = resolve;
  });
  const process_ = new EngineProcess(
    {
      launchId: plan.launchId,
      executable: step.executable,
      args: step.args,
      env: engineEnv(step.env),
      cwd: process.cwd(),
      graceMs: deps.env.VLM_CONSOLE_STOP_GRACE_S * 1000,
    },
    {
      onOutput: (stream, chunk) => deps.logs.write(stream, chunk),
      onSpawned: (pid) => {
        deps.onPid(pid);
        void writePidFile(deps.env.dataDir, {
          launchId: plan.launchId,
          profile: plan.profile.id,
          pid,
          pgid: pid,
          port: plan.port,
          startedAt: deps.startedAt,
          command: step.display,
        });
      },
      onSpawnError: (message) => {
        deps.logs.system(`Could not start ${step.executable}: ${message}`);
        resolveExit({ code: 127, signal: null });
      },
      onExit: (code, signal) => {
        deps.logs.flush();
        resolveExit({ code, signal });
      },
    },
  );
  return { process: process_, exited };
}

/** The engine's environment: the app's, unbuffered and colourless, without the app's own credentials. */
function engineEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONUNBUFFERED: '1', NO_COLOR: '1', ...extra };
  delete env.VLM_CONSOLE_TOKEN;
  return env;
}
