import 'server-only';
// The OpenAI-compatible endpoint under /v1, in order: who calls (401/403), is the path on the allow-list
// (404/405), is an engine ready (503), the body (400/413), the key's limits (429), then forward. Every
// refusal is an OpenAI-shaped error and lands in the console's list of recent errors.
import { getSupervisor } from '../engine/instance';
import { readGatewayBody } from './body';
import { admit, identify } from './caller';
import { forward } from './forward';
import { errorResponse, GatewayError, toGatewayError } from './openai-error';
import { matchRoute } from './routes';
import { type Caller, getTraffic } from './traffic';

export async function handleGateway(request: Request, segments: readonly string[]): Promise<Response> {
  const path = `/v1/${segments.join('/')}`;
  let caller: Caller | null = null;
  try {
    caller = identify(request);
    const match = matchRoute(request.method, segments);
    if (!match.ok) {
      throw match.status === 404
        ? new GatewayError(
            404,
            'not_found',
            `${path} is not served here. Available: /v1/models, /v1/chat/completions, /v1/completions, /v1/embeddings.`,
          )
        : new GatewayError(405, 'method_not_allowed', `${request.method} is not allowed on ${path}.`);
    }
    const connection = (await getSupervisor()).getConnection();
    if (!connection) {
      throw new GatewayError(
        503,
        'engine_not_ready',
        'No model is ready to answer yet: start an engine in the console and wait until it says ready.',
      );
    }
    const { route } = match;
    const body = route.hasBody ? await readGatewayBody(request, route.canStream) : null;
    const release = admit(caller, body?.stream ?? false);
    try {
      return await forward({ request, connection, route, body, caller, release });
    } catch (error) {
      release();
      throw error;
    }
  } catch (error) {
    const failure = toGatewayError(error);
    if (!request.signal.aborted) getTraffic().error(caller, path, failure.status, failure.message);
    return errorResponse(failure);
  }
}
