// Who may call the app: a browser with a valid session cookie, or a script with `Authorization: Bearer
// <token>`. Also the cross-site check for state-changing requests. Used by the route wrapper (API) and by
// proxy.ts (pages): one implementation of the rule.
import { type KeyIdentity, lookupApiKey } from './api-keys';
import { getCredentials, secretsEqual } from './credentials';
import { credentialRetryAfter, recordCredentialSuccess, recordFailedCredential } from './rate-limit';
import { checkSession, readCookie, SESSION_COOKIE } from './session-cookie';

export type AuthResult =
  | { ok: true; via: 'cookie' | 'bearer'; refresh: boolean; key?: undefined }
  /** An API key (lib/server/auth/api-keys.ts): a `chat` key may only use /v1, which the callers enforce. */
  | { ok: true; via: 'key'; refresh: false; key: KeyIdentity }
  /** `retryAfter`: this client guessed wrong too often; seconds until it may present a token again. */
  | { ok: false; reason: string; retryAfter?: number };

export function authenticate(request: Request): AuthResult {
  const credentials = getCredentials();
  const authorization = request.headers.get('authorization');
  if (authorization) {
    // Guesses count per client like sign-in failures, and share their limit.
    const wait = credentialRetryAfter(request);
    if (wait > 0) return { ok: false, reason: 'rate limited', retryAfter: wait };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (match?.[1] && secretsEqual(match[1], credentials.token)) {
      recordCredentialSuccess(request);
      return { ok: true, via: 'bearer', refresh: false };
    }
    const key = match?.[1] ? lookupApiKey(match[1]) : null;
    if (key) {
      recordCredentialSuccess(request);
      return { ok: true, via: 'key', refresh: false, key };
    }
    recordFailedCredential(request);
    return { ok: false, reason: 'bad token' };
  }
  const session = checkSession(readCookie(request.headers.get('cookie'), SESSION_COOKIE), credentials);
  return session.valid
    ? { ok: true, via: 'cookie', refresh: session.refresh }
    : { ok: false, reason: session.reason };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A form or script on another site must not start the GPU with the user's cookie. Browsers say where a
 * request comes from in Sec-Fetch-Site (all current ones) and Origin; scripts send neither.
 */
export function isCrossSite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const site = request.headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
