// No engine outlives the app: not after SIGTERM (the app stops it), not after SIGKILL (the watchdog does),
// and an engine left by an app and watchdog both killed hard is found and reported on the next start.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';
import { killAll, processesOfLaunch, processesWith } from '../helpers/processes';

const apps: AppServer[] = [];
const leftovers: string[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop('SIGKILL');
  for (const id of leftovers.splice(0)) killAll(processesOfLaunch(id));
});

async function readyEngine(): Promise<{ app: AppServer; launchId: string; pid: number }> {
  const app = await startApp();
  apps.push(app);
  await startEngine(app.url, { port: await freePort(), extraArgs: ['--startup-seconds', '0.2'] });
  const ready = await waitForState(app.url, ['ready'], 20_000);
  leftovers.push(ready.launchId ?? '');
  return { app, launchId: ready.launchId ?? '', pid: ready.pid ?? 0 };
}

describe('when the app exits', () => {
  it('SIGTERM to the app stops the engine before the app exits', async () => {
    const { app, launchId } = await readyEngine();
    expect(processesOfLaunch(launchId).length).toBeGreaterThan(0);
    await app.stop('SIGTERM');
    expect(processesOfLaunch(launchId)).toEqual([]);
    expect(fs.existsSync(path.join(app.dataDir, 'engine.pid.json'))).toBe(false);
    // The history was written before the app exited: the stop is the app's, not a launch lost with it.
    const history = fs.readFileSync(path.join(app.dataDir, 'launches.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(history.at(-1) ?? '{}')).toMatchObject({
      launchId,
      outcome: 'ready',
      endedBy: 'app-exit',
    });
  });

  it('SIGKILL to the app: the watchdog notices and tears the engine down', async () => {
    const { app, launchId } = await readyEngine();
    expect(processesWith('VLLM::EngineCore').length).toBeGreaterThan(0);
    const cores = processesOfLaunch(launchId);
    await app.stop('SIGKILL');
    await waitFor(() => processesOfLaunch(launchId).length === 0, 15_000, 'the engine to be torn down');
    expect(cores.filter((pid) => processesWith('VLLM::EngineCore').includes(pid))).toEqual([]);
  });

  it('an engine left by a hard-killed app and watchdog is reported as orphaned and can be stopped', async () => {
    const { app, launchId, pid } = await readyEngine();
    const [watchdog] = processesWith('engine-watchdog.mjs', launchId);
    expect(watchdog).toBeGreaterThan(0);
    killAll([watchdog ?? 0]);
    await app.stop('SIGKILL');
    expect(processesOfLaunch(launchId).length).toBeGreaterThan(0);

    const next = await startApp({}, app.dataDir);
    apps.push(next);
    const orphaned = await waitForState(next.url, ['orphaned'], 5000);
    expect(orphaned.pid).toBe(pid);
    const refused = await startEngine(next.url, { port: await freePort() });
    expect(refused.status).toBe(409);
    await stopEngine(next.url);
    await waitForState(next.url, ['stopped'], 15_000);
    expect(processesOfLaunch(launchId)).toEqual([]);
  });
});
