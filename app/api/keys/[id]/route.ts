import { keyIdSchema } from '@/lib/api/keys';
import { getKeyStore } from '@/lib/server/auth/api-keys';
import { AppError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Revokes a key: its next request is refused, and its streams end within a second. */
export const DELETE = route(async (_request, context: Context) => {
  const id = keyIdSchema.safeParse((await context.params).id);
  if (!id.success) throw new AppError('validation_failed', 'id: not a key id');
  if (!getKeyStore().revoke(id.data)) throw new AppError('not_found', 'There is no such key.');
  return new Response(null, { status: 204 });
});
