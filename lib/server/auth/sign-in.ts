import 'server-only';
// Sign-in with the access token or a one-time link code, and token rotation.
import { AppError } from '../errors';
import { getCredentials, rotateCredentials, secretsEqual } from './credentials';
import { clearEndedSessions, endSession } from './ended-sessions';
import { credentialRetryAfter, recordCredentialSuccess, recordFailedCredential } from './rate-limit';
import {
  checkSession,
  clearedCookieHeader,
  isHttps,
  issueSession,
  readCookie,
  SESSION_COOKIE,
  sessionCookieHeader,
} from './session-cookie';
import { clearSignInCodes, redeemSignInCode } from './sign-in-codes';

/** Returns the Set-Cookie value for a new session, or throws 401/429. */
export function signIn(request: Request, body: { token: string } | { code: string }): string {
  const wait = credentialRetryAfter(request);
  if (wait > 0) throw rateLimited(wait);
  const ok = 'token' in body ? secretsEqual(body.token, getCredentials().token) : redeemSignInCode(body.code);
  if (!ok) {
    recordFailedCredential(request);
    throw new AppError(
      'unauthorized',
      'token' in body
        ? 'That access token is not right.'
        : 'That sign-in link was already used or has expired.',
      'The token is printed where the app was started, and kept in its data dir (access-token).',
    );
  }
  recordCredentialSuccess(request);
  return sessionCookieHeader(issueSession(getCredentials()), isHttps(request));
}

/** The 429 for a client that guessed wrong too often (sign-in, bearer token, API key). */
export function rateLimited(wait: number): AppError {
  return new AppError(
    'rate_limited',
    `Too many failed sign-in attempts. Try again in ${wait} s.`,
    undefined,
    {
      headers: { 'Retry-After': String(wait) },
    },
  );
}

export function rotate(request: Request): { token: string | null; cookie: string } {
  const before = getCredentials();
  const after = rotateCredentials();
  clearSignInCodes();
  clearEndedSessions();
  const cookie = sessionCookieHeader(issueSession(after), isHttps(request));
  // A token from VLM_CONSOLE_TOKEN stays what the environment says; only the sessions end.
  return { token: before.tokenSource === 'file' ? after.token : null, cookie };
}

/** Ends this browser's session for good (not just its cookie jar's copy); returns the clearing Set-Cookie. */
export function signOut(request: Request): string {
  const session = checkSession(readCookie(request.headers.get('cookie'), SESSION_COOKIE), getCredentials());
  if (session.valid) endSession(session.nonce, session.expires);
  return clearedCookieHeader(isHttps(request));
}
