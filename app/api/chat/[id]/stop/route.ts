import { NextResponse } from 'next/server';
import { generationIdSchema } from '@/lib/api/chat';
import { generations } from '@/lib/server/chat/start-chat';
import { AppError, validationError } from '@/lib/server/errors';
import { readEmptyBody } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

// Stop a reply: the engine request is aborted at once; what came so far stays, and the stream ends with done.
export const POST = route(async (request, context: Context) => {
  const id = generationIdSchema.safeParse((await context.params).id);
  if (!id.success) throw validationError(id.error, 'id');
  await readEmptyBody(request);
  const generation = generations().get(id.data);
  if (!generation) throw new AppError('generation_not_found', 'That reply is no longer on the server.');
  if (!generation.finished) generation.abort.abort('stop');
  return NextResponse.json({ id: generation.id, finished: generation.finished }, { status: 202 });
});
