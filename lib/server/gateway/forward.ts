import 'server-only';
// Forwards one admitted request to the engine and relays the answer: an event stream (anti-buffering
// headers, heartbeats, usage counted) or a JSON body. The engine request ends with the client: a
// disconnect aborts it, and so does revoking the key.
import type { EngineConnection } from '../engine/supervisor';
import { SSE_HEADERS } from '../sse';
import type { GatewayBody } from './body';
import { CORS_HEADERS } from './cors';
import { type EngineAnswer, requestEngine } from './engine-request';
import { relayJson } from './json-relay';
import { GatewayError } from './openai-error';
import type { GatewayRoute } from './routes';
import { relaySse, type SseRelay } from './sse-relay';
import { type Caller, getTraffic } from './traffic';

/** How long a streamed request waits for the engine's headers before the client's stream begins anyway. */
const HEADER_WAIT_MS = 5000;

export interface ForwardOptions {
  request: Request;
  connection: EngineConnection;
  route: GatewayRoute;
  body: GatewayBody | null;
  caller: Caller;
  /** Frees the key's stream slot. */
  release: () => void;
}

type Early = { kind: 'response'; res: EngineAnswer } | { kind: 'error'; error: unknown } | { kind: 'wait' };

export async function forward({ request, connection, route, body, caller, release }: ForwardOptions) {
  const path = `/v1/${route.path}`;
  const stream = body?.stream ?? false;
  const traffic = getTraffic();
  const controller = new AbortController();
  const abortEngine = () => controller.abort();
  request.signal.addEventListener('abort', abortEngine, { once: true });
  let relay: SseRelay | null = null;
  const unregister = traffic.begin(caller, path, stream, () => {
    if (relay) relay.fail('key_revoked', 'The API key was revoked or has expired.');
    else abortEngine();
  });
  const hooks = {
    onUsage: (tokens: number) => traffic.tokens(caller, tokens),
    onError: (message: string) => traffic.error(caller, path, 502, message),
    onEnd: () => {
      unregister();
      release();
      request.signal.removeEventListener('abort', abortEngine);
    },
  };
  const upstream = requestEngine(connection, {
    method: route.method,
    path,
    body: body?.payload,
    signal: controller.signal,
  });
  const early = await waitForHeaders(upstream, stream ? HEADER_WAIT_MS : null);
  if (early.kind === 'error') {
    hooks.onEnd();
    const text = early.error instanceof Error ? early.error.message : String(early.error);
    throw new GatewayError(502, 'engine_unavailable', `The engine did not answer: ${text}`);
  }
  if (early.kind === 'response' && !(stream && isEventStream(early.res))) {
    const res = early.res;
    const headers = {
      'Content-Type': String(res.headers['content-type'] ?? 'application/json'),
      'Cache-Control': 'no-store',
      ...CORS_HEADERS,
    };
    return new Response(relayJson(res, abortEngine, hooks), { status: res.statusCode ?? 502, headers });
  }
  relay = relaySse(upstream, abortEngine, { ...hooks, stripUsage: body?.stripUsage ?? false });
  return new Response(relay.stream, { status: 200, headers: { ...SSE_HEADERS, ...CORS_HEADERS } });
}

/** The engine's answer, or `wait` once `limitMs` passes without one (a streamed request then begins anyway). */
async function waitForHeaders(upstream: Promise<EngineAnswer>, limitMs: number | null): Promise<Early> {
  const settled = upstream.then(
    (res): Early => ({ kind: 'response', res }),
    (error: unknown): Early => ({ kind: 'error', error }),
  );
  if (limitMs === null) return settled;
  let timer: NodeJS.Timeout | undefined;
  const wait = new Promise<Early>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'wait' }), limitMs);
  });
  try {
    return await Promise.race([settled, wait]);
  } finally {
    clearTimeout(timer);
  }
}

function isEventStream(res: EngineAnswer): boolean {
  return String(res.headers['content-type']).includes('text/event-stream');
}
