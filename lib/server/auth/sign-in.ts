import 'server-only';
// Sign-in with the access token or a one-time link code, and token rotation.
import { CLIENT_ADDRESS_HEADER } from '@/lib/node/client-address.mjs';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { getCredentials, rotateCredentials, secretsEqual } from './credentials';
import { recordFailure, recordSuccess, retryAfterSeconds } from './rate-limit';
import { isHttps, issueSession, sessionCookieHeader } from './session-cookie';
import { clearSignInCodes, redeemSignInCode } from './sign-in-codes';

/** The address the start script vouched for; without it (e.g. `next dev`) all share one bucket. */
function clientOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}

/** Returns the Set-Cookie value for a new session, or throws 401/429. */
export function signIn(request: Request, body: { token: string } | { code: string }): string {
  const env = getEnv();
  const limits = {
    maxFailures: env.VLM_CONSOLE_SIGNIN_MAX_FAILURES,
    windowMs: env.VLM_CONSOLE_SIGNIN_WINDOW_S * 1000,
  };
  const client = clientOf(request);
  const wait = retryAfterSeconds(client, limits);
  if (wait > 0) {
    throw new AppError(
      'rate_limited',
      `Too many failed sign-in attempts. Try again in ${wait} s.`,
      undefined,
      { headers: { 'Retry-After': String(wait) } },
    );
  }
  const ok = 'token' in body ? secretsEqual(body.token, getCredentials().token) : redeemSignInCode(body.code);
  if (!ok) {
    recordFailure(client, limits);
    throw new AppError(
      'unauthorized',
      'token' in body
        ? 'That access token is not right.'
        : 'That sign-in link was already used or has expired.',
      'The token is printed where the app was started, and kept in its data dir (access-token).',
    );
  }
  recordSuccess(client);
  return sessionCookieHeader(issueSession(getCredentials()), isHttps(request));
}

export function rotate(request: Request): { token: string | null; cookie: string } {
  const before = getCredentials();
  const after = rotateCredentials();
  clearSignInCodes();
  const cookie = sessionCookieHeader(issueSession(after), isHttps(request));
  // A token from VLM_CONSOLE_TOKEN stays what the environment says; only the sessions end.
  return { token: before.tokenSource === 'file' ? after.token : null, cookie };
}
