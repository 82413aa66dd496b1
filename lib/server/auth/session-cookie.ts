// Signed session cookies: `<expires>.<generation>.<nonce>.<hmac>`. Stateless, so any app process with the
// key can check them; rotation bumps the generation, which ends every session at once, and signing out
// puts one session's nonce on a short list of ended ones (ended-sessions.ts).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Credentials } from './credentials';
import { isSessionEnded } from './ended-sessions';

export const SESSION_COOKIE = 'vlmc_session';
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A session this close to its end is re-issued on use, so an active browser never gets signed out. */
const REFRESH_BELOW_MS = SESSION_TTL_MS / 2;

function sign(payload: string, key: Buffer): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function issueSession(credentials: Credentials, now = Date.now()): string {
  const payload = `${now + SESSION_TTL_MS}.${credentials.generation}.${randomBytes(9).toString('base64url')}`;
  return `${payload}.${sign(payload, credentials.sessionKey)}`;
}

export type SessionCheck =
  | { valid: true; refresh: boolean; nonce: string; expires: number }
  | { valid: false; reason: string };

export function checkSession(
  value: string | undefined,
  credentials: Credentials,
  now = Date.now(),
): SessionCheck {
  if (!value) return { valid: false, reason: 'no session' };
  const parts = value.split('.');
  if (parts.length !== 4) return { valid: false, reason: 'malformed' };
  const [expires, generation, nonce, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(parts.slice(0, 3).join('.'), credentials.sessionKey), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { valid: false, reason: 'bad signature' };
  if (Number(generation) !== credentials.generation) return { valid: false, reason: 'ended by rotation' };
  const left = Number(expires) - now;
  if (!(left > 0)) return { valid: false, reason: 'expired' };
  if (isSessionEnded(nonce, now)) return { valid: false, reason: 'signed out' };
  return { valid: true, refresh: left < REFRESH_BELOW_MS, nonce, expires: Number(expires) };
}

/** Set-Cookie value; `Secure` when the browser reached us over HTTPS (a tunnel terminates TLS before us). */
export function sessionCookieHeader(value: string, secure: boolean, maxAgeMs = SESSION_TTL_MS): string {
  const attrs = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
  ];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

export function clearedCookieHeader(secure: boolean): string {
  return sessionCookieHeader('', secure, 0);
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function isHttps(request: Request): boolean {
  const proto = request.headers.get('x-forwarded-proto');
  return (proto ?? new URL(request.url).protocol.replace(':', '')).split(',')[0]?.trim() === 'https';
}
