// Engine benchmarks: readiness detection latency, a log flood through the SSE log stream, and teardown: how long
// from Stop (or from the app being SIGKILLed) until no process of the launch is alive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type AppServer, startApp } from '../tests/helpers/app-server';
import { openSse, startEngine, stopEngine, waitForState } from '../tests/helpers/engine-api';
import { freePort, waitFor } from '../tests/helpers/net';
import { processesOfLaunch } from '../tests/helpers/processes';
import { type BenchRow, percentile, record } from './report';

const stampFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-bench-')), 'ready-stamp');
let app: AppServer;

beforeAll(async () => {
  // The demo engine writes Date.now() at its first 200 on /health into this file.
  app = await startApp({ DEMO_ENGINE_READY_STAMP_FILE: stampFile, VLM_CONSOLE_STOP_GRACE_S: '5' });
});

afterAll(async () => {
  await app?.stop();
});

/** ms from `since` (performance.now()) until no process carries the launch's marker; polled every 5 ms. */
async function goneAfter(launchId: string, since: number, timeoutMs: number): Promise<number> {
  const deadline = since + timeoutMs;
  while (processesOfLaunch(launchId).length > 0) {
    if (performance.now() > deadline) throw new Error(`launch ${launchId} still alive after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - since;
}

function teardownRow(scenario: string, samples: number[]): BenchRow {
  return {
    scenario,
    metric: 'p50 / worst',
    value: `${percentile(samples, 50).toFixed(0)} / ${Math.max(...samples).toFixed(0)} ms`,
    target: '',
    ok: null,
  };
}

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

describe('engine benchmarks', () => {
  it('readiness detection: first 200 on /health → ready event at an SSE client', async () => {
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      fs.rmSync(stampFile, { force: true });
      const client = openSse(`${app.url}/api/engine/logs`, { method: 'POST' });
      await startEngine(app.url, { port: await freePort(), extraArgs: ['--startup-seconds', '0.3'] });
      const readyAt = await waitFor(
        () => {
          const m = client.messages.find((x) => x.event === 'status' && JSON.parse(x.data).state === 'ready');
          return m ? Date.now() - (performance.now() - m.at) : null;
        },
        20_000,
        'ready event',
      );
      client.close();
      const engineFirst200 = Number(fs.readFileSync(stampFile, 'utf8'));
      samples.push(readyAt - engineFirst200);
      await stopEngine(app.url);
      await waitForState(app.url, ['stopped'], 20_000);
    }
    const p50 = percentile(samples, 50);
    record([
      {
        scenario: 'readiness detection (n=10)',
        metric: 'p50 first 200 → ready event',
        value: `${p50.toFixed(0)} ms`,
        target: '≤ 300 ms',
        ok: p50 <= 300,
      },
      {
        scenario: 'readiness detection (n=10)',
        metric: 'p95 / max',
        value: `${percentile(samples, 95).toFixed(0)} / ${Math.max(...samples).toFixed(0)} ms`,
        target: '',
        ok: null,
      },
    ]);
  });

  it('log flood: 200,000 lines as fast as the engine prints them', async () => {
    const total = 200_000;
    const pid = app.proc.pid ?? 0;
    const client = openSse(`${app.url}/api/engine/logs`, { method: 'POST' });
    await waitFor(() => client.messages.length > 0, 5000, 'stream open');
    const baseline = rssKb(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssKb(pid));
    }, 50);
    await startEngine(app.url, {
      port: await freePort(),
      extraArgs: ['--startup-seconds', '0.2', '--flood-lines', String(total)],
    });
    const floodRe = /flood line (\d+) of/;
    const isLast = (m: { event?: string; data: string }) =>
      m.event === 'log' && m.data.includes(`flood line ${total} of`);
    await waitFor(() => client.messages.some(isLast), 120_000, 'the last flood line');
    clearInterval(sampler);
    client.close();
    const floods = client.messages.filter((m) => m.event === 'log' && floodRe.test(m.data));
    const gaps = client.messages.filter((m) => m.event === 'gap').length;
    const first = floods[0];
    const last = floods.at(-1);
    const seconds = first && last ? (last.at - first.at) / 1000 : Number.NaN;
    const latencies = floods.map((m) => {
      const line = JSON.parse(m.data) as { ts: number };
      return Date.now() - (performance.now() - m.at) - line.ts;
    });
    const indexes = floods.map((m) => Number(floodRe.exec(m.data)?.[1]));
    const distinct = new Set(indexes).size;

    // Whatever the client saw, the ring must hold the last window of lines with none missing.
    const replay = openSse(`${app.url}/api/engine/logs`, { method: 'POST' });
    await waitFor(() => replay.messages.some(isLast), 30_000, 'the replayed window');
    replay.close();
    const window = replay.messages.filter((m) => m.event === 'log' && floodRe.test(m.data));
    const windowIdx = window.map((m) => Number(floodRe.exec(m.data)?.[1]));
    const contiguous = windowIdx.every((v, i) => i === 0 || v === (windowIdx[i - 1] ?? 0) + 1);
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 30_000);
    const growthMb = (peak - baseline) / 1024;
    record([
      {
        scenario: 'log flood (200k lines)',
        metric: 'lines/s delivered to SSE client',
        value: `${Math.round(floods.length / seconds).toLocaleString('en')}`,
        target: '',
        ok: null,
      },
      {
        scenario: 'log flood (200k lines)',
        metric: 'lines received / gap events',
        value: `${distinct.toLocaleString('en')} / ${gaps}`,
        target: '',
        ok: null,
      },
      {
        scenario: 'log flood (200k lines)',
        metric: 'p95 line latency (app → client)',
        value: `${percentile(latencies, 95).toFixed(0)} ms`,
        target: '',
        ok: null,
      },
      {
        scenario: 'log flood (200k lines)',
        metric: 'app peak RSS growth',
        value: `${growthMb.toFixed(1)} MB`,
        target: '≤ 60 MB',
        ok: growthMb <= 60,
      },
      {
        scenario: 'log flood (200k lines)',
        metric: 'ring window contiguous',
        value: `${windowIdx.length.toLocaleString('en')} lines, ${contiguous ? 'no gap' : 'GAP'}`,
        target: 'no line lost',
        ok: contiguous && windowIdx.at(-1) === total,
      },
    ]);
  }, 300_000);

  it('teardown: Stop → every process of the launch gone, 20 trials', async () => {
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      await startEngine(app.url, { port: await freePort(), extraArgs: ['--startup-seconds', '0.2'] });
      const ready = await waitForState(app.url, ['ready'], 20_000);
      const t0 = performance.now();
      await stopEngine(app.url);
      samples.push(await goneAfter(ready.launchId ?? '', t0, 30_000));
      await waitForState(app.url, ['stopped'], 20_000);
    }
    record([teardownRow('stop → processes gone, 20 trials', samples)]);
  }, 300_000);

  it('teardown: app SIGKILLed → the watchdog sees stdin close and the launch is gone, 5 trials', async () => {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const doomed = await startApp({ VLM_CONSOLE_STOP_GRACE_S: '5' });
      try {
        await startEngine(doomed.url, { port: await freePort(), extraArgs: ['--startup-seconds', '0.2'] });
        const ready = await waitForState(doomed.url, ['ready'], 20_000);
        const t0 = performance.now();
        doomed.proc.kill('SIGKILL');
        samples.push(await goneAfter(ready.launchId ?? '', t0, 30_000));
      } finally {
        await doomed.stop('SIGKILL');
      }
    }
    record([teardownRow('app SIGKILL → engine gone, 5 trials', samples)]);
  }, 300_000);
});
