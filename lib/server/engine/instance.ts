import 'server-only';
// The one supervisor of this app process. It lives on globalThis because Next may load this module in
// several bundles (route handlers, instrumentation) and reloads it on every edit in `next dev`: a second
// supervisor would lose track of a running engine and start another on top of it.
import fs from 'node:fs/promises';
import { getEnv } from '../env';
import { closeLaunchesOfEarlierRun, installHistoryRecorder } from './history-recorder';
import { EngineSupervisor } from './supervisor';

const KEY = Symbol.for('vlm-console.supervisor');

type Holder = { [KEY]?: Promise<EngineSupervisor> };

export function getSupervisor(): Promise<EngineSupervisor> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const env = getEnv();
    const supervisor = new EngineSupervisor(env);
    const lastLogWrite = (launchId: string) =>
      fs.stat(supervisor.logs.logFile(launchId)).then(
        (s) => s.mtimeMs,
        () => null,
      );
    // Once per supervisor, which is once per app process: a second recorder would write every launch twice.
    installHistoryRecorder(supervisor, env.dataDir, lastLogWrite);
    await supervisor.init();
    const status = supervisor.getStatus();
    await closeLaunchesOfEarlierRun(
      env.dataDir,
      status.state === 'orphaned' ? status.launchId : null,
      lastLogWrite,
    );
    return supervisor;
  })();
  return holder[KEY];
}

/** The supervisor if one was created, without creating it (shutdown must not start one). */
export function peekSupervisor(): Promise<EngineSupervisor> | undefined {
  return (globalThis as Holder)[KEY];
}
