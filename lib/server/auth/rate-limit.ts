// Wrong credentials per client address: after too many failures in a window, every credential from that
// address is refused until the window ends. One bucket for every kind of credential (the sign-in form,
// `Authorization: Bearer`, API keys): they are all guesses at a secret. No `server-only` marker, for the
// same reason as credentials.ts: proxy.ts checks bearer tokens too.
import { CLIENT_ADDRESS_HEADER } from '@/lib/node/client-address.mjs';

export interface RateLimitConfig {
  maxFailures: number;
  windowMs: number;
}

interface Entry {
  failures: number;
  windowStart: number;
}

const KEY = Symbol.for('vlm-console.sign-in-failures');

function entries(): Map<string, Entry> {
  const holder = globalThis as { [KEY]?: Map<string, Entry> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/**
 * The limits from VLM_CONSOLE_SIGNIN_MAX_FAILURES / VLM_CONSOLE_SIGNIN_WINDOW_S (checked at start by
 * lib/server/env.ts, which proxy.ts cannot import; the defaults are the same).
 */
export function credentialLimits(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  return {
    maxFailures: Number(env.VLM_CONSOLE_SIGNIN_MAX_FAILURES) || 5,
    windowMs: (Number(env.VLM_CONSOLE_SIGNIN_WINDOW_S) || 300) * 1000,
  };
}

/** The address the start script vouched for; without it (e.g. `next dev`) all share one bucket. */
export function clientOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}

/** Seconds until this address may try again, or 0 when it may try now. */
export function retryAfterSeconds(address: string, config: RateLimitConfig, now = Date.now()): number {
  const entry = entries().get(address);
  if (!entry) return 0;
  const end = entry.windowStart + config.windowMs;
  if (now >= end) {
    entries().delete(address);
    return 0;
  }
  return entry.failures >= config.maxFailures ? Math.ceil((end - now) / 1000) : 0;
}

export function recordFailure(address: string, config: RateLimitConfig, now = Date.now()): void {
  const map = entries();
  const entry = map.get(address);
  if (!entry || now >= entry.windowStart + config.windowMs)
    map.set(address, { failures: 1, windowStart: now });
  else entry.failures += 1;
  // Bounded: a flood of addresses must not grow memory without end.
  if (map.size > 10_000) {
    for (const [key, value] of map) if (now >= value.windowStart + config.windowMs) map.delete(key);
  }
}

export function recordSuccess(address: string): void {
  entries().delete(address);
}

/**
 * Before checking any credential a request presents (token, sign-in code, API key): seconds this client
 * must still wait, or 0. While it waits, refuse the credential unchecked (429 with Retry-After), so that
 * a lucky guess during the lockout tells the guesser nothing.
 */
export function credentialRetryAfter(request: Request, now = Date.now()): number {
  return retryAfterSeconds(clientOf(request), credentialLimits(), now);
}

/** After a wrong credential of any kind (token, sign-in code, API key): counts against this client. */
export function recordFailedCredential(request: Request, now = Date.now()): void {
  recordFailure(clientOf(request), credentialLimits(), now);
}

/** After a right one: the client's count starts again. */
export function recordCredentialSuccess(request: Request): void {
  recordSuccess(clientOf(request));
}
