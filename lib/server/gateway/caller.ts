import 'server-only';
// Who may use /v1: an API key of either scope, the access token, or a signed-in browser (the same rule as
// every route, lib/server/auth/authenticate.ts), and how often (per-key limits from the environment).
import { authenticate, isCrossSite } from '../auth/authenticate';
import { getEnv } from '../env';
import { getLimiter } from './limits';
import { GatewayError } from './openai-error';
import type { Caller } from './traffic';

export function identify(request: Request): Caller {
  const auth = authenticate(request);
  if (!auth.ok && auth.retryAfter) {
    // Too many wrong keys from this address: the same lockout as sign-in and the console (issue 15).
    throw new GatewayError(
      429,
      'rate_limit_exceeded',
      `Too many wrong keys from this address. Try again in ${auth.retryAfter} s.`,
      { 'Retry-After': String(auth.retryAfter) },
    );
  }
  if (!auth.ok) {
    throw new GatewayError(
      401,
      'invalid_api_key',
      'Invalid API key: it is wrong, revoked or expired. Make a key in the app’s settings and send it as Authorization: Bearer <key>.',
    );
  }
  // Only a cookie rides along on another site's request; a key or token in the header must be known to be sent.
  if (auth.via === 'cookie' && isCrossSite(request)) {
    throw new GatewayError(403, 'forbidden', 'Cross-site requests may not use the model with your session.');
  }
  if (auth.via === 'key') return { id: auth.key.id, name: auth.key.name, isKey: true };
  return auth.via === 'bearer'
    ? { id: 'token', name: 'access token', isKey: false }
    : { id: 'session', name: 'browser session', isKey: false };
}

/** Counts the request against its key; the returned function ends a stream's hold on the key's slots. */
export function admit(caller: Caller, stream: boolean): () => void {
  if (!caller.isKey) return () => {};
  const env = getEnv();
  const admission = getLimiter().admit(
    caller.id,
    {
      maxRequests: env.VLM_CONSOLE_KEY_MAX_REQUESTS,
      windowMs: env.VLM_CONSOLE_KEY_WINDOW_S * 1000,
      maxStreams: env.VLM_CONSOLE_KEY_MAX_STREAMS,
    },
    stream,
  );
  if (!admission.ok) {
    const message =
      admission.reason === 'requests'
        ? `Rate limit reached for this key: ${env.VLM_CONSOLE_KEY_MAX_REQUESTS} requests per ${env.VLM_CONSOLE_KEY_WINDOW_S} s. Try again in ${admission.retryAfterS} s.`
        : `This key already has ${env.VLM_CONSOLE_KEY_MAX_STREAMS} streams open; wait for one to finish.`;
    throw new GatewayError(429, 'rate_limit_exceeded', message, {
      'Retry-After': String(admission.retryAfterS),
    });
  }
  return admission.release;
}
