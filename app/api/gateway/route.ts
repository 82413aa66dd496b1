import { NextResponse } from 'next/server';
import { getTraffic } from '@/lib/server/gateway/traffic';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** The OpenAI gateway's traffic for the console: requests running, tokens per caller, recent errors. */
export const GET = route(async () =>
  NextResponse.json(getTraffic().snapshot(), { headers: { 'Cache-Control': 'no-store' } }),
);
