import { NextResponse } from 'next/server';
import { getSupervisor } from '@/lib/server/engine/instance';
import { lastReadyOptions, recentLaunches } from '@/lib/server/engine/launch-history';
import { validationError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';
import { historyQuerySchema } from './schema';

export const dynamic = 'force-dynamic';

const LIMIT = 50;

export const GET = route(async (request) => {
  // 1. Validate the query.
  const parsed = historyQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error, 'query');
  // 2. Whose last good launch: the asked profile, else the current launch's, else the newest recorded one's.
  const launches = await recentLaunches(LIMIT);
  const profile =
    parsed.data.profile ?? (await getSupervisor()).getStatus().profile ?? launches[0]?.profile ?? null;
  const lastReady = profile ? await lastReadyOptions(profile) : null;
  return NextResponse.json({ launches, lastReady }, { headers: { 'Cache-Control': 'no-store' } });
});
