import { NextResponse } from 'next/server';
import { rotate } from '@/lib/server/auth/sign-in';
import { readEmptyBody } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// Ends every session and, when the app generated the token, replaces it. This browser stays signed in.
export const POST = route(async (request) => {
  await readEmptyBody(request);
  const { token, cookie } = rotate(request);
  const response = NextResponse.json({ token });
  response.headers.set('Set-Cookie', cookie);
  return response;
});
