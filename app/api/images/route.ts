import { NextResponse } from 'next/server';
import { getEnv } from '@/lib/server/env';
import { getImageStore } from '@/lib/server/images/instance';
import { readBytes } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// Upload a prepared image once (raw bytes in the body); chat messages then refer to it by its SHA-256 key.
export const POST = route(async (request) => {
  const data = await readBytes(request, getEnv().VLM_CONSOLE_IMAGE_MAX_BYTES);
  const stored = await getImageStore().put(data);
  return NextResponse.json(stored, { status: 201 });
});
