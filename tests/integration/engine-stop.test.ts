// What a stop does, seen from outside: the engine is signalled once and shuts down cleanly, status and history
// say how it really exited and who stopped it; a launch killed together with the app is still in the history
// after a restart, with its log; a stop signal sent to the app's whole process group does not cut the
// watchdog's teardown short.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { getStatus, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';
import { killAll, processesOfLaunch } from '../helpers/processes';

const apps: AppServer[] = [];
const leftovers: string[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop('SIGKILL');
  for (const id of leftovers.splice(0)) killAll(processesOfLaunch(id));
});

interface HistoryEntry {
  launchId: string;
  outcome: string;
  endedBy?: string;
  readyAfterMs?: number;
  exit?: { code: number | null; signal: string | null };
}

async function history(url: string): Promise<HistoryEntry[]> {
  return ((await (await fetch(`${url}/api/engine/history`)).json()) as { launches: HistoryEntry[] }).launches;
}

async function readyEngine(app: AppServer, extraArgs: string[]): Promise<string> {
  const started = await startEngine(app.url, { port: await freePort(), extraArgs });
  expect(started.status).toBe(202);
  const ready = await waitForState(app.url, ['ready'], 20_000);
  leftovers.push(ready.launchId ?? '');
  return ready.launchId ?? '';
}

describe('a plain stop', () => {
  it('signals the engine once: it exits 0, and status and history say so and that you stopped it', async () => {
    const app = await startApp();
    apps.push(app);
    // A clean shutdown that takes a moment: a second SIGTERM meanwhile makes the demo engine exit 1 at once.
    const launchId = await readyEngine(app, ['--startup-seconds', '0.2', '--shutdown-seconds', '0.5']);
    await stopEngine(app.url);
    const stopped = await waitForState(app.url, ['stopped'], 20_000);
    expect(stopped.exit).toEqual({ code: 0, signal: null });
    const log = await (await fetch(`${app.url}/api/engine/logs/download?launch=${launchId}`)).text();
    expect(log).toContain('Application shutdown complete.');
    expect(log).not.toContain('Received second interrupt');
    await waitFor(async () => (await history(app.url))[0]?.outcome === 'ready', 5000, 'the history record');
    expect((await history(app.url))[0]).toMatchObject({
      launchId,
      outcome: 'ready',
      endedBy: 'you',
      exit: { code: 0, signal: null },
    });
  });
});

describe('a launch killed together with the app', () => {
  it('is in the history after a restart as ended with the app, and its log still downloads', async () => {
    const app = await startApp();
    apps.push(app);
    const launchId = await readyEngine(app, ['--startup-seconds', '0.2']);
    // The history already holds the running launch (saved at start, again at ready): the app dies now.
    await waitFor(
      async () =>
        (await history(app.url)).some((e) => e.launchId === launchId && e.readyAfterMs !== undefined),
      5000,
      'the running launch in the history',
    );
    expect((await history(app.url))[0]).toMatchObject({ launchId, outcome: 'running' });
    await app.stop('SIGKILL');
    await waitFor(() => processesOfLaunch(launchId).length === 0, 15_000, 'the watchdog to tear down');

    const next = await startApp({}, app.dataDir);
    apps.push(next);
    expect((await getStatus(next.url)).state).toBe('stopped');
    const [entry] = await history(next.url);
    expect(entry).toMatchObject({ launchId, outcome: 'ready', endedBy: 'app' });
    const download = await fetch(`${next.url}/api/engine/logs/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(launchId);
    expect(await download.text()).toContain(`Launch ${launchId}`);
  });
});

describe('a stop signal to the app’s whole process group', () => {
  it('does not reach the watchdog: an engine slow to exit is still killed after a SIGKILL of the group', async () => {
    const app = await startApp({}, undefined, [], { detached: true });
    apps.push(app);
    const pgid = app.proc.pid ?? 0;
    // The engine takes 60 s over its shutdown, far past the 3 s grace: only the watchdog's SIGKILL ends it.
    const launchId = await readyEngine(app, ['--startup-seconds', '0.2', '--shutdown-seconds', '60']);
    process.kill(-pgid, 'SIGTERM');
    const logFile = path.join(app.dataDir, 'logs', `${launchId}.log`);
    await waitFor(
      () => fs.readFileSync(logFile, 'utf8').includes('Shutting down'),
      5000,
      'the engine to begin',
    );
    // What a process manager does when the app is not gone at once: SIGKILL to the whole group, within the grace.
    process.kill(-pgid, 'SIGKILL');
    await app.stop('SIGKILL');
    await waitFor(() => processesOfLaunch(launchId).length === 0, 15_000, 'the engine to be killed');
  });
});
