// The OpenAI-compatible endpoint: `<app URL>/v1/...` for any OpenAI client, forwarded to the running engine
// (lib/server/gateway). Every method lands here so that the allow-list answers, not Next's 405.
import { preflight } from '@/lib/server/gateway/cors';
import { handleGateway } from '@/lib/server/gateway/handle';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ path: string[] }> };

async function handler(request: Request, context: Context): Promise<Response> {
  return handleGateway(request, (await context.params).path);
}

export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
export const OPTIONS = async () => preflight();
