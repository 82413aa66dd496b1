import { NextResponse } from 'next/server';
import { signIn } from '@/lib/server/auth/sign-in';
import { validationError } from '@/lib/server/errors';
import { readJson } from '@/lib/server/read-body';
import { publicRoute } from '@/lib/server/route';
import { signInBodySchema } from './schema';

export const dynamic = 'force-dynamic';

// Open by necessity: this is where a browser gets its session. Rate-limited per client address.
export const POST = publicRoute(async (request) => {
  const body = signInBodySchema.safeParse(await readJson(request, { maxBytes: 2048 }));
  if (!body.success) throw validationError(body.error);
  const cookie = signIn(request, body.data);
  const response = NextResponse.json({ ok: true });
  response.headers.set('Set-Cookie', cookie);
  return response;
});
