import { NextResponse } from 'next/server';
import { clearedCookieHeader, isHttps } from '@/lib/server/auth/session-cookie';
import { readEmptyBody } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  await readEmptyBody(request);
  const response = NextResponse.json({ ok: true });
  response.headers.set('Set-Cookie', clearedCookieHeader(isHttps(request)));
  return response;
});
