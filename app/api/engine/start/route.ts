import { NextResponse } from 'next/server';
import { getSupervisor } from '@/lib/server/engine/instance';
import { validationError } from '@/lib/server/errors';
import { readJson } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';
import { startBodySchema } from './schema';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  // 1. Parse and validate the body; option values are checked against the profile's engine kind.
  const parsed = startBodySchema.safeParse(await readJson(request, { maxBytes: 64 * 1024 }));
  if (!parsed.success) throw validationError(parsed.error);
  // 2. Start (or return the launch already under way): the supervisor serialises concurrent requests.
  const supervisor = await getSupervisor();
  const status = await supervisor.start(parsed.data.profile, parsed.data.options);
  return NextResponse.json(status, { status: 202 });
});
