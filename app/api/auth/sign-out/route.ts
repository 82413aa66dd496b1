import { NextResponse } from 'next/server';
import { signOut } from '@/lib/server/auth/sign-in';
import { readEmptyBody } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  await readEmptyBody(request);
  const response = NextResponse.json({ ok: true });
  response.headers.set('Set-Cookie', signOut(request));
  return response;
});
