import { NextResponse } from 'next/server';
import { machineInstallPlan } from '@/lib/server/engine/install-plan';
import { getEnv } from '@/lib/server/env';
import { validationError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';
import { planQuerySchema } from '../schema';

export const dynamic = 'force-dynamic';

// What "Install vLLM" would run on this machine: the build that fits the driver, the installer, the commands
// (argument arrays), or why nothing fits. The notebook reads it too.
export const GET = route(async (request) => {
  const query = planQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw validationError(query.error, 'query');
  const { plan } = await machineInstallPlan(getEnv(), query.data.version);
  return NextResponse.json(plan, { headers: { 'Cache-Control': 'no-store' } });
});
