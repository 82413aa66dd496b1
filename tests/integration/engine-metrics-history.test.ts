// GET /api/engine/metrics and GET /api/engine/history through the built app with the demo engine, which
// serves vLLM-named Prometheus series and fails on request (--fail).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineMetrics } from '@/lib/engine/engine-metrics';
import type { LastReady, LaunchRecord } from '@/lib/server/engine/launch-history';
import { type AppServer, startApp } from '../helpers/app-server';
import { postStream, userMessage } from '../helpers/chat-api';
import { startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';

let app: AppServer;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await stopEngine(app.url);
  await waitForState(app.url, ['stopped', 'crashed', 'failed'], 15_000);
  await app?.stop();
});

const metrics = async () => (await (await fetch(`${app.url}/api/engine/metrics`)).json()) as EngineMetrics;

interface History {
  launches: LaunchRecord[];
  lastReady: LastReady | null;
}
const history = async (query = '') =>
  (await (await fetch(`${app.url}/api/engine/history${query}`)).json()) as History;

describe('engine metrics and launch history', () => {
  it('has no metrics and an empty history before any launch', async () => {
    expect(await metrics()).toMatchObject({ available: false, reason: 'No engine is ready.' });
    expect(await history()).toEqual({ launches: [], lastReady: null });
  });

  it('records a launch that crashed, with its exit code and diagnosis', async () => {
    await startEngine(app.url, {
      port: await freePort(),
      extraArgs: ['--startup-seconds', '0.2', '--fail', 'cuda_oom'],
    });
    await waitForState(app.url, ['crashed'], 20_000);
    const { launches } = await waitFor(
      async () => {
        const h = await history();
        // A launch is saved when it starts (`running`) and again when it ends.
        return h.launches.length === 1 && h.launches.every((l) => l.outcome !== 'running') ? h : null;
      },
      10_000,
      'the crash in the history',
    );
    expect(launches[0]).toMatchObject({
      profile: 'demo',
      outcome: 'crashed',
      diagnosis: { category: 'cuda_oom' },
    });
    expect(launches[0]?.exit?.code).not.toBe(0);
    expect(launches[0]?.readyAfterMs).toBeUndefined();
    expect(launches[0]?.command?.join(' ')).toContain('demo-engine.mjs');
  });

  it('reads live figures from the ready engine, counting generated tokens', async () => {
    const port = await freePort();
    await startEngine(app.url, {
      port,
      maxModelLen: 16384,
      extraArgs: ['--startup-seconds', '0.2', '--tokens-per-second', '0', '--answer-tokens', '30'],
    });
    await waitForState(app.url, ['ready'], 20_000);
    const before = await metrics();
    expect(before).toMatchObject({
      available: true,
      model: 'demo/vlm-demo',
      requestsRunning: 0,
      requestsWaiting: 0,
    });
    if (!before.available) throw new Error('metrics not available');
    expect(before.kvCacheUsage).toBeGreaterThanOrEqual(0);
    expect(before.kvCacheUsage).toBeLessThanOrEqual(1);
    const reply = await postStream(`${app.url}/api/chat`, userMessage('count to thirty'));
    await reply.done;
    const after = await metrics();
    if (!after.available) throw new Error('metrics not available');
    expect(after.generationTokensTotal ?? 0).toBeGreaterThan(before.generationTokensTotal ?? 0);
    expect(after.promptTokensTotal ?? 0).toBeGreaterThan(0);
    expect(after.at).toBeGreaterThanOrEqual(before.at);
  });

  it('records the ready launch once stopped, newest first, as the last ready options', async () => {
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 15_000);
    expect(await metrics()).toMatchObject({ available: false });
    const { launches, lastReady } = await waitFor(
      async () => {
        const h = await history();
        // A launch is saved when it starts (`running`) and again when it ends.
        return h.launches.length === 2 && h.launches.every((l) => l.outcome !== 'running') ? h : null;
      },
      10_000,
      'the stopped launch in the history',
    );
    expect(launches.map((l) => l.outcome)).toEqual(['ready', 'crashed']);
    const ready = launches[0];
    expect(ready?.readyAfterMs).toBeGreaterThan(0);
    expect(ready?.stoppedAt).toBeGreaterThanOrEqual(ready?.startedAt ?? Number.POSITIVE_INFINITY);
    expect(ready?.options).toMatchObject({ maxModelLen: 16384 });
    expect(lastReady).toMatchObject({
      launchId: ready?.launchId,
      profile: 'demo',
      options: { maxModelLen: 16384 },
    });
    expect((await history('?profile=qwen2.5-vl-7b')).lastReady).toBeNull();
  });

  it('refuses a bad profile parameter with a 400 naming it', async () => {
    const res = await fetch(`${app.url}/api/engine/history?profile=${encodeURIComponent('../etc')}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/query\.profile/);
  });
});
