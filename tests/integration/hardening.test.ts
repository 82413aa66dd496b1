// What an adversarial pass found (issue 15), each checked against the built app as a stranger or a
// script would meet it: sign-out that ends the session, bearer guesses that are counted, router
// prefetches that still need a session, forwarded headers believed only from trusted proxies, and launch
// options that must not reach the cloud's metadata service or quote a file that is not a model. Slow and
// big bodies, and reattaching past the end of a reply: request-bodies.test.ts.
import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { ANONYMOUS, TEST_TOKEN } from '../helpers/auth';
import { getStatus, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';

const ENV = {
  VLM_CONSOLE_SIGNIN_MAX_FAILURES: '3',
  VLM_CONSOLE_SIGNIN_WINDOW_S: '2',
};

let app: AppServer;

beforeAll(async () => {
  app = await startApp(ENV);
});

afterAll(async () => {
  await stopEngine(app.url).catch(() => {});
  await waitForState(app.url, ['stopped', 'crashed', 'failed'], 15_000).catch(() => {});
  await app?.stop();
});

async function signIn(): Promise<string> {
  const res = await fetch(`${app.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { ...ANONYMOUS, 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: TEST_TOKEN }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const withCookie = (cookie: string) => ({ ...ANONYMOUS, Cookie: cookie });

describe('signing out', () => {
  it('ends that session for the API and the pages, also after a restart; other sessions go on', async () => {
    const mine = await signIn();
    const other = await signIn();
    const out = await fetch(`${app.url}/api/auth/sign-out`, { method: 'POST', headers: withCookie(mine) });
    expect(out.status).toBe(200);
    expect((await fetch(`${app.url}/api/engine`, { headers: withCookie(mine) })).status).toBe(401);
    const page = await fetch(`${app.url}/`, { headers: withCookie(mine), redirect: 'manual' });
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toMatch(/\/sign-in$/);
    expect((await fetch(`${app.url}/api/engine`, { headers: withCookie(other) })).status).toBe(200);

    await app.stop();
    app = await startApp(ENV, app.dataDir);
    expect((await fetch(`${app.url}/api/engine`, { headers: withCookie(mine) })).status).toBe(401);
    expect((await fetch(`${app.url}/api/engine`, { headers: withCookie(other) })).status).toBe(200);
    expect(fs.statSync(`${app.dataDir}/ended-sessions.json`).mode & 0o077).toBe(0);
  });
});

describe('guessing the token as a script', () => {
  it('locks the client out after the sign-in limit of wrong bearer tokens, on pages too, then lifts', async () => {
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    for (let i = 0; i < 3; i++) {
      expect((await fetch(`${app.url}/api/engine`, { headers: bearer(`guess-${i}`) })).status).toBe(401);
    }
    const locked = await fetch(`${app.url}/api/engine`, { headers: bearer(TEST_TOKEN) });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await locked.json()).error.message).toMatch(/Try again in \d+ s/);
    // The page answers the same for the right token as for a wrong one while locked: no oracle there.
    const page = await fetch(`${app.url}/`, { headers: bearer(TEST_TOKEN), redirect: 'manual' });
    expect(page.status).toBe(307);
    // One bucket with the sign-in form: the guesses there are counted too.
    const form = await fetch(`${app.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { ...ANONYMOUS, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: TEST_TOKEN }),
    });
    expect(form.status).toBe(429);
    await waitFor(
      async () => (await fetch(`${app.url}/api/engine`, { headers: bearer(TEST_TOKEN) })).status === 200,
      5000,
      'the lockout to lift',
    );
  });
});

describe('router prefetches', () => {
  it('still need a session and still carry the CSP', async () => {
    const prefetch = { 'next-router-prefetch': '1', RSC: '1' };
    const stranger = await fetch(`${app.url}/`, {
      headers: { ...ANONYMOUS, ...prefetch },
      redirect: 'manual',
    });
    expect(stranger.status).toBe(307);
    expect(stranger.headers.get('location')).toMatch(/\/sign-in$/);
    expect(stranger.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    // Signed in, the prefetch goes on to Next (which may send it to its cache-busting `?_rsc=` form).
    const owner = await fetch(`${app.url}/`, { headers: prefetch, redirect: 'manual' });
    expect(owner.headers.get('location') ?? '').not.toMatch(/sign-in/);
    expect(owner.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
  });
});

describe('forwarded headers from a client that is not a trusted proxy', () => {
  const forged = { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };

  it('do not change what the session route reports, nor make the cookie Secure', async () => {
    const session = await (await fetch(`${app.url}/api/auth/session`, { headers: forged })).json();
    expect(session).toEqual({ signedIn: true, exposed: false, url: app.url });
    const res = await fetch(`${app.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { ...ANONYMOUS, ...forged, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: TEST_TOKEN }),
    });
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('do not make a cross-site POST look same-site', async () => {
    const cookie = await signIn();
    const res = await fetch(`${app.url}/api/engine/stop`, {
      method: 'POST',
      headers: { ...withCookie(cookie), Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example' },
    });
    expect(res.status).toBe(403);
  });
});

describe('launch options', () => {
  beforeEach(async () => {
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped', 'failed', 'crashed'], 15_000);
  });

  it.each(['http://169.254.169.254/latest', 'http://metadata.google.internal/computeMetadata/v1'])(
    'refuses the external URL %s unless allowed',
    async (baseUrl) => {
      const res = await startEngine(app.url, { baseUrl }, 'external');
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/VLM_CONSOLE_EXTERNAL_ALLOW_LINK_LOCAL/);
    },
  );

  it('never shows credentials written into the external URL: not in the status, the log, or the history', async () => {
    const port = await freePort();
    const res = await startEngine(
      app.url,
      { baseUrl: `http://alice:hunter2-secret@127.0.0.1:${port}/v1` },
      'external',
    );
    expect(res.status).toBe(202);
    expect(JSON.stringify(res.body)).not.toContain('hunter2-secret');
    expect(res.body.options).toMatchObject({ baseUrl: expect.stringContaining('***@127.0.0.1') });
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped', 'failed', 'crashed'], 15_000);
    expect(JSON.stringify(await getStatus(app.url))).not.toContain('hunter2-secret');
    const history = await (await fetch(`${app.url}/api/engine/history`)).text();
    expect(history).toContain('***@127.0.0.1');
    expect(history).not.toContain('hunter2-secret');
    const logs = fs
      .readdirSync(`${app.dataDir}/logs`)
      .map((f) => fs.readFileSync(`${app.dataDir}/logs/${f}`, 'utf8'));
    expect(logs.join('\n')).not.toContain('hunter2-secret');
  });

  it('refuses a llama.cpp model file that is not a GGUF, without quoting it', async () => {
    const res = await startEngine(app.url, { modelFile: '/etc/passwd', maxModelLen: 4096 }, 'llama-cpp');
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body);
    expect(text).toMatch(/not a GGUF file/);
    expect(text).not.toMatch(/root/);
  });
});

describe('behind a trusted proxy', () => {
  let proxied: AppServer;
  beforeAll(async () => {
    proxied = await startApp({ VLM_CONSOLE_TRUSTED_PROXIES: 'loopback' });
  });
  afterAll(async () => {
    await proxied?.stop();
  });

  it('the forwarded host and scheme are believed', async () => {
    const headers = { 'X-Forwarded-Host': 'calm-river.trycloudflare.com', 'X-Forwarded-Proto': 'https' };
    const session = await (await fetch(`${proxied.url}/api/auth/session`, { headers })).json();
    expect(session).toEqual({ signedIn: true, exposed: true, url: 'https://calm-river.trycloudflare.com' });
    const res = await fetch(`${proxied.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { ...ANONYMOUS, ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: TEST_TOKEN }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });
});
