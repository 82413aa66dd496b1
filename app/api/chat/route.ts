import { streamGeneration } from '@/lib/server/chat/chat-stream';
import { startChat } from '@/lib/server/chat/start-chat';
import { validationError } from '@/lib/server/errors';
import { readJson } from '@/lib/server/read-json';
import { route } from '@/lib/server/route';
import { chatBodySchema } from './schema';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  // 1. Validate: a conversation in OpenAI chat format and only sampling fields the user chose.
  const body = chatBodySchema.safeParse(await readJson(request, { maxBytes: 48 * 1024 * 1024, maxDepth: 8 }));
  if (!body.success) throw validationError(body.error);
  // 2. Start the reply on the engine (409 when none is ready), then stream it from its first event.
  const generation = await startChat(body.data);
  return streamGeneration(request, generation, -1);
});
