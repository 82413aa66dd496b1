// Pages: sign-in required (a redirect to /sign-in otherwise) and a fresh CSP nonce per request, for every
// page request: router prefetches (`next-router-prefetch`) too, or they would get the shell without either.
// API routes and the OpenAI-compatible gateway under /v1 are not matched here: they check the session themselves
// (lib/server/route.ts, lib/server/gateway, the same rule), because a proxy would buffer request bodies and
// silently cut the large ones (images) at its size limit.
import { type NextRequest, NextResponse } from 'next/server';
import { authenticate } from './lib/server/auth/authenticate';
import { COMMON_HEADERS, pageCsp } from './lib/server/security-headers';

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = pageCsp(
    nonce,
    process.env.VLM_CONSOLE_ALLOW_COLAB_FRAME === '1',
    process.env.NODE_ENV === 'development',
  );
  const isSignIn = request.nextUrl.pathname === '/sign-in';
  const auth = authenticate(request);
  // A chat-scoped API key opens the OpenAI endpoints only, never the console's pages.
  const signedIn = auth.ok && auth.key?.scope !== 'chat';

  let response: NextResponse;
  if (!signedIn && !isSignIn) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search =
      request.nextUrl.pathname === '/' ? '' : `?next=${encodeURIComponent(request.nextUrl.pathname)}`;
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(COMMON_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ['/((?!api/|v1/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webmanifest|txt)$).*)'],
};
