// Streams through a real nginx with its default proxy settings (a bare proxy_pass: buffering on, HTTP/1.0 to
// the upstream): the chat and the engine log must still arrive as they happen. What keeps them live is the
// app's own `X-Accel-Buffering: no` header — nobody behind a reverse proxy should need to tune it first.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { postStream, userMessage } from '../helpers/chat-api';
import { getStatus, openSse, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';

function findNginx(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const isRoot = process.getuid?.() === 0;
const nginxBinary = findNginx();
if (!nginxBinary && isRoot) {
  // As root (CI) nginx can be installed, and scripts/test.sh does: a missing one is a broken setup, not a skip.
  throw new Error(
    "nginx is missing: run 'apt-get install -y nginx' (scripts/test.sh installs it when missing).",
  );
}
if (!nginxBinary) {
  console.warn(
    "Skipping the nginx stream tests: nginx is not installed and this user cannot install it (run 'sudo apt-get install -y nginx').",
  );
}

/** nginx in the foreground with a throwaway prefix; its config is the bare minimum a proxy needs. */
async function startNginx(binary: string, upstreamPort: number) {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-nginx-'));
  const port = await freePort();
  const conf = path.join(prefix, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${path.join(prefix, kind)};`)
    .join('\n');
  fs.writeFileSync(
    conf,
    [
      // Workers would drop to `nobody`, who cannot write this root-owned temp prefix.
      isRoot ? 'user root;' : '',
      'worker_processes 1;',
      `error_log ${path.join(prefix, 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      '  access_log off;',
      temp,
      '  server {',
      `    listen 127.0.0.1:${port};`,
      `    location / { proxy_pass http://127.0.0.1:${upstreamPort}; }`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const proc = spawn(
    binary,
    [
      '-p',
      prefix,
      '-e',
      path.join(prefix, 'error.log'),
      '-c',
      conf,
      '-g',
      `daemon off; pid ${prefix}/nginx.pid;`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  for (const stream of [proc.stdout, proc.stderr]) stream?.on('data', (c: Buffer) => (out += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (proc.exitCode !== null) throw new Error(`nginx exited: ${out}`);
      return (await fetch(`${url}/api/healthz`)).ok;
    },
    15_000,
    'nginx to proxy /api/healthz',
  );
  return { url, proc, log: () => `${out}${fs.readFileSync(path.join(prefix, 'error.log'), 'utf8')}` };
}

async function stopProcess(proc: ChildProcess | undefined) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  await exited;
}

describe.skipIf(!nginxBinary)('streams through nginx with default proxy settings', () => {
  let app: AppServer;
  let nginx: Awaited<ReturnType<typeof startNginx>>;

  beforeAll(async () => {
    app = await startApp();
    nginx = await startNginx(nginxBinary as string, app.port);
  });

  // A 2 s startup log and 30 tokens/s: slow enough that a buffering proxy shows as one late burst.
  const engineArgs = ['--startup-seconds', '2', '--tokens-per-second', '30'];
  const launchEngine = async () =>
    startEngine(app.url, {
      port: await freePort(),
      extraArgs: [...engineArgs, '--thinking-tokens', '40', '--answer-tokens', '30'],
    });

  afterAll(async () => {
    if (app) {
      await stopEngine(app.url);
      await waitForState(app.url, ['stopped', 'crashed', 'failed'], 15_000);
    }
    await stopProcess(nginx?.proc);
    await app?.stop();
  });

  it('the engine log (POST) arrives line by line while the engine starts, not at the end', async () => {
    const logs = openSse(`${nginx.url}/api/engine/logs`, { method: 'POST' });
    await waitFor(() => logs.messages.length > 0, 5000, 'the first event through nginx');
    expect((await launchEngine()).status).toBe(202);
    const ready = await waitFor(
      () => logs.messages.find((m) => m.event === 'status' && JSON.parse(m.data).state === 'ready'),
      20_000,
      'the ready status through nginx',
    );
    logs.close();
    const lines = logs.messages.filter((m) => m.event === 'log');
    const firstLine = lines[0];
    if (!firstLine) throw new Error(`no log lines came through nginx: ${nginx.log()}`);
    // The startup log takes 2 s: a buffering proxy would hand it all over at once, at the end.
    expect(ready.at - firstLine.at).toBeGreaterThan(1000);
    const beforeHalf = lines.filter((m) => m.at < firstLine.at + (ready.at - firstLine.at) / 2).length;
    expect(beforeHalf).toBeGreaterThan(0);
    expect(beforeHalf).toBeLessThan(lines.length);
  });

  it('the chat reply (POST) arrives token by token', async () => {
    if ((await getStatus(app.url)).state !== 'ready') await launchEngine();
    await waitForState(app.url, ['ready'], 20_000);
    const res = await postStream(`${nginx.url}/api/chat`, userMessage('Describe the lighthouse, slowly.'));
    expect(res.status).toBe(200);
    await res.done;
    const tokens = res.events.filter((e) => e.event.type === 'reasoning' || e.event.type === 'content');
    const done = res.events.at(-1);
    expect(done?.event.type).toBe('done');
    expect(tokens.length).toBeGreaterThan(20);
    const first = tokens[0];
    if (!first || !done) throw new Error('no tokens came through nginx');
    // 30 tokens/s over more than 20 tokens: the first must come long before the end.
    expect(done.at - first.at).toBeGreaterThan(500);
    const arrivals = new Set(tokens.map((t) => Math.round(t.at / 50)));
    expect(arrivals.size).toBeGreaterThan(10);
  });
});
