// Nobody without the token gets anything: every API route and page, forged/expired/foreign cookies,
// rate-limited guessing, cross-site state changes, and the headers every response carries.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession } from '@/lib/server/auth/session-cookie';
import { type AppServer, REPO, startApp } from '../helpers/app-server';
import { ANONYMOUS, TEST_TOKEN } from '../helpers/auth';
import { waitFor } from '../helpers/net';

let app: AppServer;

beforeAll(async () => {
  app = await startApp({ VLM_CONSOLE_SIGNIN_MAX_FAILURES: '3', VLM_CONSOLE_SIGNIN_WINDOW_S: '2' });
});

afterAll(async () => {
  await app?.stop();
});

const OPEN_ROUTES = new Set(['/api/auth/sign-in', '/api/healthz']);

/** Every route file under app/api, as a URL path (dynamic segments filled in) with its exported methods. */
function apiRoutes(): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = fs.readFileSync(full, 'utf8');
        const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
          (m) => m[1] ?? '',
        );
        const url = `/${path.relative(path.join(REPO, 'app'), path.dirname(full))}`.replace(
          /\[[^\]]+\]/g,
          '00000000-0000-4000-8000-000000000000',
        );
        found.push({ path: url, methods });
      }
    }
  };
  walk(path.join(REPO, 'app', 'api'));
  return found;
}

function sessionKey(): Buffer {
  return Buffer.from(fs.readFileSync(path.join(app.dataDir, 'session-key'), 'utf8').trim(), 'base64');
}

function cookieFrom(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}

describe('every route needs a session', () => {
  const routes = apiRoutes();

  it('finds the API routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  for (const { path: url, methods } of apiRoutes()) {
    for (const method of methods) {
      if (OPEN_ROUTES.has(url)) continue;
      it(`${method} ${url} → 401 without a session`, async () => {
        const res = await fetch(`${app.url}${url}`, {
          method,
          headers: { ...ANONYMOUS, 'Content-Type': 'application/json' },
          body: method === 'GET' ? undefined : '{}',
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
      });
    }
  }

  it('pages redirect to sign-in, which itself is open', async () => {
    const res = await fetch(`${app.url}/`, { headers: ANONYMOUS, redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toMatch(/\/sign-in$/);
    const signIn = await fetch(`${app.url}/sign-in`, { headers: ANONYMOUS });
    expect(signIn.status).toBe(200);
    const health = await fetch(`${app.url}/api/healthz`, { headers: ANONYMOUS });
    expect(await health.text()).toBe('ok');
  });

  it.each([
    ['forged', () => 'vlmc_session=12345.1.abc.forgedsignature'],
    [
      'signed with another key',
      () =>
        `vlmc_session=${issueSession({ token: 'x', tokenSource: 'file', sessionKey: Buffer.alloc(32, 7), generation: 1, created: false })}`,
    ],
    [
      'expired',
      () =>
        `vlmc_session=${issueSession({ token: 'x', tokenSource: 'file', sessionKey: sessionKey(), generation: 1, created: false }, Date.now() - 31 * 24 * 3600 * 1000)}`,
    ],
    [
      'of an older generation',
      () =>
        `vlmc_session=${issueSession({ token: 'x', tokenSource: 'file', sessionKey: sessionKey(), generation: 0, created: false })}`,
    ],
  ])('a %s cookie → 401', async (_name, cookie) => {
    const res = await fetch(`${app.url}/api/engine`, { headers: { ...ANONYMOUS, Cookie: cookie() } });
    expect(res.status).toBe(401);
  });

  it('a wrong bearer token → 401, the right one → 200', async () => {
    expect((await fetch(`${app.url}/api/engine`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(
      401,
    );
    expect(
      (await fetch(`${app.url}/api/engine`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } })).status,
    ).toBe(200);
  });
});

describe('signing in', () => {
  it('the token gives a session cookie that works; signing out ends it for this browser', async () => {
    const res = await fetch(`${app.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { ...ANONYMOUS, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: TEST_TOKEN }),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = cookieFrom(res);
    expect((await fetch(`${app.url}/api/engine`, { headers: { ...ANONYMOUS, Cookie: cookie } })).status).toBe(
      200,
    );
    const out = await fetch(`${app.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { ...ANONYMOUS, Cookie: cookie },
    });
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    // Not just the browser's copy: the cookie itself no longer works.
    expect((await fetch(`${app.url}/api/engine`, { headers: { ...ANONYMOUS, Cookie: cookie } })).status).toBe(
      401,
    );
  });

  it('ignores a client that claims HTTPS itself: only a trusted proxy says so (hardening.test.ts)', async () => {
    const res = await fetch(`${app.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { ...ANONYMOUS, 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
      body: JSON.stringify({ token: TEST_TOKEN }),
    });
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('the printed one-time link signs in once', async () => {
    const code = /#code=([\w-]+)/.exec(app.output())?.[1];
    expect(code).toBeTruthy();
    const post = () =>
      fetch(`${app.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { ...ANONYMOUS, 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(401);
  });

  it('rate-limits guessing per client, with a clear wait, and lifts after the window', async () => {
    const attempt = (token: string, headers: Record<string, string> = {}) =>
      fetch(`${app.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { ...ANONYMOUS, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ token }),
      });
    // A success clears what earlier tests left in this client's window.
    expect((await attempt(TEST_TOKEN)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await attempt(`wrong-${i}`)).status).toBe(401);
    const locked = await attempt(TEST_TOKEN);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await locked.json()).error.message).toMatch(/Try again in \d+ s/);
    // A forged X-Forwarded-For does not make a new client: the app is not behind a trusted proxy here.
    expect((await attempt(TEST_TOKEN, { 'X-Forwarded-For': '203.0.113.50' })).status).toBe(429);
    await waitFor(async () => (await attempt(TEST_TOKEN)).status === 200, 5000, 'the lockout to lift');
  });

  it('rotation ends every other session and keeps this one', async () => {
    const signIn = async () =>
      cookieFrom(
        await fetch(`${app.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { ...ANONYMOUS, 'Content-Type': 'application/json' },
          body: JSON.stringify({ token: TEST_TOKEN }),
        }),
      );
    const other = await signIn();
    const mine = await signIn();
    const rotated = await fetch(`${app.url}/api/auth/rotate`, {
      method: 'POST',
      headers: { ...ANONYMOUS, Cookie: mine },
    });
    expect(rotated.status).toBe(200);
    // The token comes from VLM_CONSOLE_TOKEN here, so it stays; the sessions end.
    expect(await rotated.json()).toEqual({ token: null });
    const renewed = cookieFrom(rotated);
    expect((await fetch(`${app.url}/api/engine`, { headers: { ...ANONYMOUS, Cookie: other } })).status).toBe(
      401,
    );
    expect(
      (await fetch(`${app.url}/api/engine`, { headers: { ...ANONYMOUS, Cookie: renewed } })).status,
    ).toBe(200);
  });
});

describe('cross-site requests', () => {
  it.each([
    ['POST', '/api/engine/start', { profile: 'demo', options: {} }],
    ['POST', '/api/engine/stop', {}],
    ['POST', '/api/chat', { messages: [{ role: 'user', content: 'hi' }] }],
  ])('%s %s from another site → 403, even with a valid session', async (method, url, body) => {
    const variants: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'https://evil.example' },
    ];
    for (const headers of variants) {
      const res = await fetch(`${app.url}${url}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(403);
    }
    const status = await (await fetch(`${app.url}/api/engine`)).json();
    expect(status.state).toBe('stopped');
  });
});

describe('security headers', () => {
  it('pages carry a nonce-based CSP that blocks inline script injection and remote images', async () => {
    const res = await fetch(`${app.url}/`, { redirect: 'manual' });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('API responses allow nothing to load or frame them', async () => {
    const res = await fetch(`${app.url}/api/engine`);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
