import { NextResponse } from 'next/server';
import { createKeySchema } from '@/lib/api/keys';
import { getKeyStore } from '@/lib/server/auth/api-keys';
import { validationError } from '@/lib/server/errors';
import { readJson } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** The keys with their usage; never a key itself. */
export const GET = route(async () =>
  NextResponse.json({ keys: getKeyStore().list() }, { headers: { 'Cache-Control': 'no-store' } }),
);

export const POST = route(async (request) => {
  // 1. Validate: a name, a scope, an optional expiry in days.
  const body = createKeySchema.safeParse(await readJson(request, { maxBytes: 4096 }));
  if (!body.success) throw validationError(body.error);
  // 2. Make the key; the answer is the only place it is ever shown.
  const { record, key } = getKeyStore().create(body.data.name, body.data.scope, body.data.expiresInDays);
  return NextResponse.json(
    { id: record.id, name: record.name, scope: record.scope, key },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
});
