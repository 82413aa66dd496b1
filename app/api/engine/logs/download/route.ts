import { getSupervisor } from '@/lib/server/engine/instance';
import { recentLaunches } from '@/lib/server/engine/launch-history';
import { AppError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const supervisor = await getSupervisor();
  const requested = new URL(request.url).searchParams.get('launch');
  if (requested !== null && !/^[0-9a-f-]{36}$/.test(requested)) {
    throw new AppError('validation_failed', 'launch: must be a launch id');
  }
  // Without `launch`: the current launch, else the newest in the history (one that ended with an earlier app).
  const launchId =
    requested ??
    supervisor.getStatus().launchId ??
    supervisor.logs.currentLaunchId ??
    (await recentLaunches(1))[0]?.launchId ??
    null;
  const text = launchId ? await supervisor.logs.readLaunchLog(launchId) : null;
  if (text === null || !launchId) {
    throw new AppError('not_found', 'There is no log for that launch yet.', 'Start an engine first.');
  }
  return new Response(text, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="engine-${launchId}.log"`,
      'Cache-Control': 'no-store',
    },
  });
});
