import { NextResponse } from 'next/server';
import { getSupervisor } from '@/lib/server/engine/instance';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const supervisor = await getSupervisor();
  return NextResponse.json(supervisor.getStatus(), { headers: { 'Cache-Control': 'no-store' } });
});
