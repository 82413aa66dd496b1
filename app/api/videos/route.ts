import { NextResponse } from 'next/server';
import { getEnv } from '@/lib/server/env';
import { getImageStore } from '@/lib/server/images/instance';
import { readBytes } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// Upload a prepared clip once (raw bytes in the body); chat messages then refer to it by its SHA-256 key as a
// `video_ref` part. Beyond VLM_CONSOLE_VIDEO_MAX_BYTES: 413; not an MP4/MOV/WebM: 415.
export const POST = route(async (request) => {
  const max = getEnv().VLM_CONSOLE_VIDEO_MAX_BYTES;
  const data = await readBytes(request, max);
  const stored = await getImageStore().putVideo(data, max);
  return NextResponse.json(stored, { status: 201 });
});
