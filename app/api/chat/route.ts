import { chatBodySchema } from '@/lib/api/chat';
import { streamGeneration } from '@/lib/server/chat/chat-stream';
import { startChat } from '@/lib/server/chat/start-chat';
import { getEnv } from '@/lib/server/env';
import { validationError } from '@/lib/server/errors';
import { readJson } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  // 1. Validate: a conversation in OpenAI chat format and only sampling fields the user chose. The byte cap
  //    leaves room for the allowed images as base64 (4/3 of their size) plus the text.
  const maxBytes = getEnv().VLM_CONSOLE_REQUEST_IMAGE_MAX_BYTES * 1.4 + 8_000_000;
  const body = chatBodySchema.safeParse(await readJson(request, { maxBytes, maxDepth: 8 }));
  if (!body.success) throw validationError(body.error);
  // 2. Start the reply on the engine (409 when none is ready), then stream it from its first event.
  const generation = await startChat(body.data);
  return streamGeneration(request, generation, -1);
});
