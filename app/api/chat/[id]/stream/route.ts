import { afterSchema, generationIdSchema, reattachBodySchema } from '@/lib/api/chat';
import { streamGeneration } from '@/lib/server/chat/chat-stream';
import { generations } from '@/lib/server/chat/start-chat';
import { AppError, validationError } from '@/lib/server/errors';
import { readJson } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';
import { SSE_HEADERS } from '@/lib/server/sse';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

// Reattach to a reply after a dropped connection: the events after the last index the browser has.
export const POST = route(async (request, context: Context) => {
  const id = generationIdSchema.safeParse((await context.params).id);
  if (!id.success) throw validationError(id.error, 'id');
  const body = reattachBodySchema.safeParse(await readJson(request, { maxBytes: 1024, emptyAs: {} }));
  if (!body.success) throw validationError(body.error);
  const header = request.headers.get('last-event-id');
  const after = afterSchema.safeParse(header ?? body.data.after ?? -1);
  if (!after.success) throw validationError(after.error, header ? 'Last-Event-ID' : 'after');
  const generation = generations().get(id.data);
  if (!generation) {
    throw new AppError('generation_not_found', 'That reply is no longer on the server.', 'Regenerate it.');
  }
  // A finished reply with nothing after `after` (the browser has its `done`): end at once, rather than hold
  // the connection and the generation open waiting for events that will never come.
  if (generation.finished && after.data >= generation.nextIndex - 1) {
    return new Response(null, { headers: { ...SSE_HEADERS, 'X-Generation-Id': id.data } });
  }
  return streamGeneration(request, generation, after.data);
});
