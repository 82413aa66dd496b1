import { NextResponse } from 'next/server';
import { getSupervisor } from '@/lib/server/engine/instance';
import { scrapeEngineMetrics } from '@/lib/server/engine/metrics-scrape';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  // No input. Not ready, or no /metrics, is an answer (`available: false`), not an error.
  const supervisor = await getSupervisor();
  const metrics = await scrapeEngineMetrics(supervisor.getConnection());
  return NextResponse.json(metrics, { headers: { 'Cache-Control': 'no-store' } });
});
