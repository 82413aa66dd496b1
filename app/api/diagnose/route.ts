import { NextResponse } from 'next/server';
import { diagnose } from '@/lib/diagnosis';
import { validationError } from '@/lib/server/errors';
import { readJson } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';
import { diagnoseBodySchema, MAX_DIAGNOSE_CHARS } from './schema';

export const dynamic = 'force-dynamic';

// JSON escaping (\n, \", \uXXXX) makes a body larger than its text: room for that, still bounded.
const MAX_BODY_BYTES = 2 * MAX_DIAGNOSE_CHARS + 1024;

export const POST = route(async (request) => {
  // 1. Parse and validate the pasted log.
  const parsed = diagnoseBodySchema.safeParse(await readJson(request, { maxBytes: MAX_BODY_BYTES }));
  if (!parsed.success) throw validationError(parsed.error);
  // 2. Every rule, launch-time and request-time: a paste may come from either. `line.index` counts its lines.
  const diagnosis = diagnose(parsed.data.text, { phase: 'any' });
  return NextResponse.json({ diagnosis }, { headers: { 'Cache-Control': 'no-store' } });
});
