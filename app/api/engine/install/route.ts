import { NextResponse } from 'next/server';
import { getSupervisor } from '@/lib/server/engine/instance';
import { validationError } from '@/lib/server/errors';
import { readJson } from '@/lib/server/read-body';
import { route } from '@/lib/server/route';
import { installBodySchema } from './schema';

export const dynamic = 'force-dynamic';

// Install vLLM into a venv of the app's own; the output streams into the engine log.
export const POST = route(async (request) => {
  const body = installBodySchema.safeParse(await readJson(request, { maxBytes: 1024, emptyAs: {} }));
  if (!body.success) throw validationError(body.error);
  const supervisor = await getSupervisor();
  return NextResponse.json(await supervisor.installVllm(body.data.version), { status: 202 });
});
