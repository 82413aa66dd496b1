// The supervisor through the real app: `next start`, real HTTP, the real demo engine as a child process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { getStatus, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';
import { processesOfLaunch, processesWith } from '../helpers/processes';

let app: AppServer;

beforeAll(async () => {
  app = await startApp({ VLM_CONSOLE_STARTUP_TIMEOUT_S: '3', VLM_CONSOLE_STALL_WARNING_S: '1' });
});

afterAll(async () => {
  await app?.stop();
});

describe('engine life cycle', () => {
  it('starts the demo engine, reports ready with the served model, and stops it leaving no process', async () => {
    const port = await freePort();
    const started = await startEngine(app.url, { port, extraArgs: ['--startup-seconds', '0.5'] });
    expect(started.status).toBe(202);
    expect(started.body.state).toBe('starting');
    const ready = await waitForState(app.url, ['ready'], 20_000);
    expect(ready.model?.id).toBe('demo/vlm-demo');
    expect(ready.model?.maxModelLen).toBe(32768);
    expect(ready.pid).toBeGreaterThan(0);
    expect(ready.stage?.name).toBe('ready');
    expect(ready.command?.join(' ')).toContain('--max-model-len 32768');
    const launchId = ready.launchId ?? '';
    // The engine and its EngineCore worker, as with vLLM.
    expect(processesOfLaunch(launchId).length).toBeGreaterThanOrEqual(2);

    const stopping = await stopEngine(app.url);
    expect(stopping.status).toBe(202);
    const stopped = await waitForState(app.url, ['stopped'], 15_000);
    expect(stopped.state).toBe('stopped');
    expect(processesOfLaunch(launchId)).toEqual([]);
  });

  it('marks a launch that dies while starting as crashed, with its exit code and error line', async () => {
    const port = await freePort();
    await startEngine(app.url, { port, extraArgs: ['--startup-seconds', '0.2', '--fail', 'cuda_oom'] });
    const crashed = await waitForState(app.url, ['crashed'], 20_000);
    expect(crashed.exit?.code).not.toBe(0);
    expect(crashed.exit?.code).not.toBeNull();
    expect(crashed.error).toMatch(/OutOfMemoryError/);
    expect(crashed.error).not.toMatch(/Engine core initialization failed/);
    await waitFor(() => processesOfLaunch(crashed.launchId ?? '').length === 0, 10_000, 'no process left');
  });

  it('fails a launch that never becomes ready within the startup timeout, and kills it', async () => {
    const port = await freePort();
    await startEngine(app.url, { port, extraArgs: ['--startup-seconds', '0.2', '--hang'] });
    const starting = await getStatus(app.url);
    const stalled = await waitFor(async () => (await getStatus(app.url)).warning, 5000, 'the stall warning');
    expect(stalled).toMatch(/No log output/);
    const failed = await waitForState(app.url, ['failed'], 20_000);
    expect(failed.error).toMatch(/did not become ready within 3 s/);
    await waitFor(
      () => processesOfLaunch(starting.launchId ?? '').length === 0,
      10_000,
      'hung engine killed',
    );
    expect(processesWith('demo-engine.mjs', `--port ${port}`)).toEqual([]);
  });

  it('starts exactly one engine for 20 concurrent start requests', async () => {
    const port = await freePort();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        startEngine(app.url, { port, extraArgs: ['--startup-seconds', '0.5'] }),
      ),
    );
    expect(results.every((r) => r.status === 202)).toBe(true);
    const launchIds = new Set(results.map((r) => r.body.launchId));
    expect(launchIds.size).toBe(1);
    const ready = await waitForState(app.url, ['ready'], 20_000);
    expect(processesWith('demo-engine.mjs', `--port ${port}`)).toHaveLength(1);
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 15_000);
    expect(processesOfLaunch(ready.launchId ?? '')).toEqual([]);
  });

  it('refuses to launch on a port that is already taken, saying so', async () => {
    const net = await import('node:net');
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      await startEngine(app.url, { port });
      const failed = await waitForState(app.url, ['failed'], 10_000);
      expect(failed.error).toMatch(new RegExp(`Port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });
});
