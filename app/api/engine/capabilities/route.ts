import { NextResponse } from 'next/server';
import { allowedExtraFlags, type CapabilitiesResponse } from '@/lib/engine/engine-help-table';
import { findProfile } from '@/lib/engine/profiles';
import { engineCapabilities } from '@/lib/server/engine/capabilities';
import { getEnv } from '@/lib/server/env';
import { AppError, validationError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';
import { capabilitiesQuerySchema } from './schema';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  // 1. Validate the query.
  const parsed = capabilitiesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error, 'query');
  const profile = findProfile(parsed.data.profile);
  if (!profile) {
    throw new AppError(
      'not_found',
      `profile: unknown profile "${parsed.data.profile}"`,
      'GET /api/profiles lists them.',
    );
  }
  // 2. Ask the installed engine (cached by executable + version); the built-in table when it cannot be asked.
  const caps = await engineCapabilities(profile, getEnv());
  const body: CapabilitiesResponse = {
    kind: caps.kind,
    version: caps.version,
    source: caps.source,
    flags: Object.keys(caps.flags).sort(),
    extraFlags: allowedExtraFlags(caps),
    reason: caps.reason,
  };
  return NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
});
