import { NextResponse } from 'next/server';
import { validationError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';
import { checkMachine } from '@/lib/server/system/machine-check';
import { systemQuerySchema } from './schema';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  // 1. Validate the query: only `refresh` is known.
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = systemQuerySchema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error, 'query');
  // 2. The machine check (cached for 30 s unless refresh=1); every probe failure is already an item.
  const report = await checkMachine({ refresh: parsed.data.refresh === '1' });
  return NextResponse.json(report, { headers: { 'Cache-Control': 'no-store' } });
});
