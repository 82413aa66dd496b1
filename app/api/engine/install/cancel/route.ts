import { NextResponse } from 'next/server';
import { getSupervisor } from '@/lib/server/engine/instance';
import { readEmptyBody } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  await readEmptyBody(request);
  const supervisor = await getSupervisor();
  return NextResponse.json(supervisor.cancelInstall(), { status: 202 });
});
