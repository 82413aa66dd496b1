import 'server-only';
// Every API route handler is wrapped here: sign-in required (session cookie or bearer token), cross-site
// state changes refused, and every failure turned into the shared JSON error body. A route that must be
// reachable without a session (sign-in, healthz) says so explicitly with `publicRoute`.
import { authenticate, isCrossSite } from './auth/authenticate';
import { getCredentials } from './auth/credentials';
import { isHttps, issueSession, sessionCookieHeader } from './auth/session-cookie';
import { rateLimited } from './auth/sign-in';
import { AppError, toErrorResponse } from './errors';

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>;

export function route<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return async (request, ...rest) => {
    try {
      const auth = authenticate(request);
      if (!auth.ok) {
        if (auth.retryAfter) throw rateLimited(auth.retryAfter);
        throw new AppError(
          'unauthorized',
          'Sign in first.',
          'Open the sign-in link the app printed, or send Authorization: Bearer <token>.',
        );
      }
      if (auth.key?.scope === 'chat') {
        throw new AppError(
          'forbidden',
          'This API key may only use the OpenAI-compatible endpoints under /v1.',
          'Use the access token or an admin key for the console.',
        );
      }
      if (isCrossSite(request))
        throw new AppError('forbidden', 'Cross-site requests may not change anything here.');
      const response = await handler(request, ...rest);
      if (auth.refresh) renewSession(request, response);
      return response;
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export function publicRoute<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return async (request, ...rest) => {
    try {
      if (isCrossSite(request))
        throw new AppError('forbidden', 'Cross-site requests may not change anything here.');
      return await handler(request, ...rest);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

function renewSession(request: Request, response: Response): void {
  try {
    response.headers.append(
      'Set-Cookie',
      sessionCookieHeader(issueSession(getCredentials()), isHttps(request)),
    );
  } catch {
    // Immutable headers (a redirect): the session is still valid; it renews on the next request.
  }
}
