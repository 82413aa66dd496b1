import { NextResponse } from 'next/server';
import { getSupervisor } from '@/lib/server/engine/instance';
import { AppError } from '@/lib/server/errors';
import { readJson } from '@/lib/server/read-json';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  // Stop takes no parameters; a body, if any, must be an empty JSON object.
  const body = await readJson(request, { maxBytes: 1024, emptyAs: {} });
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length > 0) {
    throw new AppError('validation_failed', 'body: stop takes no parameters; send nothing or {}');
  }
  const supervisor = await getSupervisor();
  return NextResponse.json(await supervisor.stop(), { status: 202 });
});
