import { getSupervisor } from '@/lib/server/engine/instance';
import { streamEngineLogs } from '@/lib/server/engine/log-stream';
import { validationError } from '@/lib/server/errors';
import { readJson } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';
import { logsBodySchema, sinceSchema } from './schema';

export const dynamic = 'force-dynamic';

/** Last-Event-ID (set by a reconnecting client) wins over `since`: it is what the client really has. */
function resumeFrom(request: Request, since: unknown): number {
  const header = request.headers.get('last-event-id');
  const raw = header ?? since ?? 0;
  const parsed = sinceSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, header ? 'Last-Event-ID' : 'since');
  return parsed.data;
}

export const GET = route(async (request) => {
  const since = new URL(request.url).searchParams.get('since') ?? undefined;
  const from = resumeFrom(request, since);
  return streamEngineLogs(request, await getSupervisor(), from);
});

// POST streams too: Cloudflare quick tunnels hold back GET event streams until they end (cloudflared #1449).
export const POST = route(async (request) => {
  const parsed = logsBodySchema.safeParse(await readJson(request, { maxBytes: 1024, emptyAs: {} }));
  if (!parsed.success) throw validationError(parsed.error);
  return streamEngineLogs(request, await getSupervisor(), resumeFrom(request, parsed.data.since));
});
