// `npm start -- --tunnel …`: a Cloudflare quick tunnel through a fake cloudflared (prints what cloudflared
// prints, serves /quicktunnel on the metrics address), the install hint when cloudflared is missing, and the
// checks that fail before anything starts (ngrok without a token, an unknown mode).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, REPO, startApp } from '../helpers/app-server';
import { ANONYMOUS, TEST_TOKEN } from '../helpers/auth';
import { freePort, waitFor } from '../helpers/net';
import { killAll, processesWith } from '../helpers/processes';

const FAKE_DIR = path.join(REPO, 'tests', 'fixtures', 'fake-cloudflared');
const LINK =
  /Sign in \(one-time link[^)]*\): (https:\/\/[\w.-]+\.trycloudflare\.com)\/sign-in#code=([\w-]+)/g;

/** Runs the start script to its end (for the checks that must fail before the app starts). */
async function runStart(args: string[], env: Record<string, string | undefined>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-console-tunnel-'));
  const started = performance.now();
  const proc = spawn(process.execPath, [path.join(REPO, 'scripts', 'start.mjs'), ...args], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: '1',
      VLM_CONSOLE_DATA_DIR: path.join(dataDir, 'data'),
      VLM_CONSOLE_TOKEN: TEST_TOKEN,
      NGROK_AUTHTOKEN: undefined,
      VLM_CONSOLE_TUNNEL: undefined,
      VLM_CONSOLE_CLOUDFLARED: undefined,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  proc.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const code = await new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c)));
  return {
    code,
    out,
    ms: performance.now() - started,
    dataDirCreated: fs.existsSync(path.join(dataDir, 'data')),
  };
}

const signIn = (url: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { ...ANONYMOUS, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('--tunnel cloudflare with a fake cloudflared on PATH', () => {
  let app: AppServer;
  let argsFile: string;

  beforeAll(async () => {
    argsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fake-cloudflared-')), 'args.json');
    app = await startApp(
      {
        PATH: `${FAKE_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
        FAKE_CLOUDFLARED_ARGS_FILE: argsFile,
        VLM_CONSOLE_SIGNIN_MAX_FAILURES: '2',
      },
      undefined,
      ['--tunnel', 'cloudflare'],
    );
  });

  afterAll(async () => {
    await app?.stop();
    killAll(processesWith('engine-watchdog', FAKE_DIR));
  });

  it('prints a sign-in link on the https trycloudflare hostname that cloudflared reports', async () => {
    const match = await waitFor(() => [...app.output().matchAll(LINK)][0], 20_000, 'the public sign-in link');
    expect(match[1]).toMatch(new RegExp(`^https://fake-${app.port}-\\d+\\.trycloudflare\\.com$`));
    expect(app.output()).toContain(`Public URL (cloudflare): ${match[1]}`);
    const args = JSON.parse(fs.readFileSync(argsFile, 'utf8')) as string[];
    expect(args.slice(0, 4)).toEqual(['tunnel', '--no-autoupdate', '--url', `http://127.0.0.1:${app.port}`]);
    expect(args[4]).toBe('--metrics');
    expect(args[5]).toMatch(/^127\.0\.0\.1:\d+$/);
    // The code in the public link is a real one: it signs in once.
    expect((await signIn(app.url, { code: match[2] })).status).toBe(200);
    expect((await signIn(app.url, { code: match[2] })).status).toBe(401);
  });

  it('trusts X-Forwarded-For from the loopback tunnel client, so visitors get their own rate limit', async () => {
    const from = (ip: string) => ({ 'X-Forwarded-For': ip });
    for (let i = 0; i < 2; i++)
      expect((await signIn(app.url, { token: 'wrong' }, from('203.0.113.7'))).status).toBe(401);
    expect((await signIn(app.url, { token: TEST_TOKEN }, from('203.0.113.7'))).status).toBe(429);
    expect((await signIn(app.url, { token: TEST_TOKEN }, from('198.51.100.9'))).status).toBe(200);
  });

  it('restarts a tunnel that dies and prints the new link', async () => {
    // The fake puts its pid in the hostname: the link names exactly the process to kill.
    const first = [...app.output().matchAll(LINK)][0]?.[1] ?? '';
    const pid = Number(/^https:\/\/fake-\d+-(\d+)\./.exec(first)?.[1]);
    expect(processesWith(path.join(FAKE_DIR, 'cloudflared'), 'tunnel')).toEqual([pid]);
    killAll([pid]);
    const links = await waitFor(
      () => {
        const all = [...app.output().matchAll(LINK)];
        return all.length >= 2 ? all : null;
      },
      20_000,
      'a second public link',
    );
    expect(app.output()).toMatch(/The cloudflare tunnel ended: cloudflared exited \(SIGKILL\)/);
    expect(app.output()).toContain('Restarting it in 5 s (1/3)');
    expect(links[1]?.[1]).not.toBe(first);
  });

  it('ends cloudflared (and its watchdog) when the app exits', async () => {
    expect(processesWith(path.join(FAKE_DIR, 'cloudflared'), 'tunnel').length).toBe(1);
    await app.stop();
    await waitFor(
      () => processesWith('engine-watchdog', FAKE_DIR).length === 0 && processesWith(FAKE_DIR).length === 0,
      10_000,
      'cloudflared to end',
    );
  });
});

describe('--tunnel colab', () => {
  it("lets Colab's frame embed the app and says the notebook shows the link", async () => {
    const app = await startApp({ VLM_CONSOLE_ALLOW_COLAB_FRAME: '' }, undefined, ['--tunnel', 'colab']);
    try {
      await waitFor(() => app.output().includes('Colab mode:'), 5000, 'the Colab line');
      expect(app.output()).toContain(`google.colab.kernel.proxyPort(${app.port})`);
      expect(app.output()).not.toContain('Public URL');
      const page = await fetch(`${app.url}/sign-in`, { headers: ANONYMOUS });
      expect(page.headers.get('content-security-policy')).toMatch(
        /frame-ancestors 'self' https:\/\/colab\.research\.google\.com/,
      );
    } finally {
      await app.stop();
    }
  });
});

describe('--tunnel checks that fail before anything starts', () => {
  it('a missing cloudflared gives a one-line install hint and exits non-zero', async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-path-'));
    const res = await runStart(['--tunnel', 'cloudflare'], { PATH: emptyDir });
    expect(res.code).not.toBe(0);
    expect(res.out.trim().split('\n')).toHaveLength(1);
    expect(res.out).toMatch(
      /cloudflared not found: install it .*VLM_CONSOLE_CLOUDFLARED.*--install-cloudflared/,
    );
    expect(res.out).not.toContain('listening');
  });

  it('a VLM_CONSOLE_CLOUDFLARED that is not a program is named in the error', async () => {
    const res = await runStart(['--tunnel=cloudflare'], {
      VLM_CONSOLE_CLOUDFLARED: '/nonexistent/cloudflared',
    });
    expect(res.code).toBe(1);
    expect(res.out.trim()).toBe(
      'VLM_CONSOLE_CLOUDFLARED=/nonexistent/cloudflared is not an executable file.',
    );
  });

  it('a cloudflared that fails (rate limit) stops the app with its last lines', async () => {
    const res = await runStart(['--tunnel', 'cloudflare'], {
      PATH: `${FAKE_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
      PORT: String(await freePort()),
      FAKE_CLOUDFLARED_FAIL: 'rate-limit',
    });
    expect(res.code).toBe(1);
    expect(res.out).toMatch(
      /The cloudflare tunnel did not start: cloudflared exited \(code 1\) before it had a URL/,
    );
    expect(res.out).toContain('429 Too Many Requests');
  });

  for (const how of ['flag', 'env'] as const) {
    it(`--tunnel ngrok without NGROK_AUTHTOKEN (${how}) fails with a one-line hint, before the app starts`, async () => {
      const res =
        how === 'flag'
          ? await runStart(['--tunnel', 'ngrok'], {})
          : await runStart([], { VLM_CONSOLE_TUNNEL: 'ngrok' });
      expect(res.code).toBe(1);
      const lines = res.out.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^--tunnel ngrok needs NGROK_AUTHTOKEN: .*dashboard\.ngrok\.com/);
      expect(res.out).not.toContain('listening');
      // Nothing was started: not even the data dir the app creates as it boots.
      expect(res.dataDirCreated).toBe(false);
      expect(res.ms).toBeLessThan(3000);
    });
  }

  it('an unknown mode or argument is a one-line usage error with exit code 2', async () => {
    const mode = await runStart(['--tunnel', 'frp'], {});
    expect(mode.code).toBe(2);
    expect(mode.out.trim()).toBe('Unknown tunnel mode "frp": use one of none, colab, cloudflare, ngrok.');
    const arg = await runStart(['--tunel', 'ngrok'], {});
    expect(arg.code).toBe(2);
    expect(arg.out.trim().split('\n')).toHaveLength(1);
    expect(arg.out).toContain('Unknown argument "--tunel"');
  });
});
