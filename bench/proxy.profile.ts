// Not a benchmark: where the app's process spends its CPU while it relays a 20,000-token reply at the
// engine's full speed (V8's --cpu-prof in the app, self time by function and by script). Run:
//   BENCH_PROFILE=1 [PROFILE_ROUTE=gateway] npx vitest run --config vitest.bench.config.ts bench/proxy.profile.ts

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { REPO } from '../tests/helpers/app-server';
import { TEST_TOKEN } from '../tests/helpers/auth';
import { startEngine, stopEngine, waitForState } from '../tests/helpers/engine-api';
import { createKey } from '../tests/helpers/gateway-api';
import { freePort, waitFor } from '../tests/helpers/net';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

describe('proxy CPU, attributed', () => {
  it('profiles the app relaying long replies', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-proxy-prof-'));
    // Started as startApp does, with V8's profiler on (Node refuses --cpu-prof in NODE_OPTIONS).
    const port = await freePort();
    const proc = spawn(
      process.execPath,
      [
        `--cpu-prof`,
        `--cpu-prof-dir=${dir}`,
        '--cpu-prof-interval=200',
        path.join(REPO, 'scripts', 'start.mjs'),
      ],
      {
        cwd: REPO,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          NEXT_TELEMETRY_DISABLED: '1',
          VLM_CONSOLE_DATA_DIR: dir,
          VLM_CONSOLE_DEFAULT_PROFILE: 'demo',
          VLM_CONSOLE_TOKEN: TEST_TOKEN,
        },
        stdio: 'ignore',
      },
    );
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    const app = { url: `http://127.0.0.1:${port}` };
    await waitFor(async () => (await fetch(`${app.url}/api/healthz`)).ok, 60_000, 'the app');
    await startEngine(app.url, {
      port: await freePort(),
      extraArgs: [
        '--startup-seconds',
        '0',
        '--tokens-per-second',
        '0',
        '--thinking-tokens',
        '10000',
        '--answer-tokens',
        '10000',
      ],
    });
    await waitForState(app.url, ['ready'], 20_000);
    // PROFILE_ROUTE=gateway: the same reply through /v1/chat/completions with an API key.
    const gateway = process.env.PROFILE_ROUTE === 'gateway';
    const key = gateway ? (await createKey(app.url, 'profile', 'chat')).key : null;
    for (let i = 0; i < Number(process.env.PROFILE_RUNS ?? 3); i++) {
      const res = gateway
        ? await fetch(`${app.url}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', authorization: `Bearer ${key}` },
            body: JSON.stringify({
              model: 'demo/vlm-demo',
              stream: true,
              messages: [{ role: 'user', content: 'long' }],
            }),
          })
        : await fetch(`${app.url}/api/chat`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ messages: [{ role: 'user', content: 'long' }] }),
          });
      await res.text();
    }
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 20_000);
    proc.kill('SIGTERM');
    await exited;
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      nodes: ProfileNode[];
      samples: number[];
      timeDeltas: number[];
    };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const byFunction = new Map<string, number>();
    const byScript = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      if (!n || n.callFrame.functionName === '(idle)') return;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const script = n.callFrame.url.split('/node_modules/').pop()?.slice(-70) || n.callFrame.functionName;
      byScript.set(script, (byScript.get(script) ?? 0) + dt);
      const k = `${n.callFrame.functionName || '(anon)'} ${script}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      byFunction.set(k, (byFunction.get(k) ?? 0) + dt);
    });
    const top = (m: Map<string, number>, count: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`)
        .join('\n');
    process.stdout.write(
      `\nnon-idle total: ${[...byScript.values()].reduce((a, b) => a + b, 0).toFixed(0)} ms\nself time by script:\n${top(byScript, 20)}\n\nby function:\n${top(byFunction, 30)}\n`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
