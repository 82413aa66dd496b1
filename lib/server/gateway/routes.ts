import 'server-only';
// The engine paths the gateway forwards, as data. Everything else is a 404 without touching the engine:
// vLLM's security notes say /metrics, /invocations, the profiler and admin endpoints stay open even with
// --api-key, so nothing outside this list may be reachable through the app. The engine path comes from
// this table, never from the request, so `..` or encoded slashes cannot leave it.

export interface GatewayRoute {
  /** The path after /v1/, as the client sends it. */
  path: string;
  method: 'GET' | 'POST';
  /** POST routes carry a JSON body (size-capped, validated as an object). */
  hasBody: boolean;
  /** The engine may answer with an event stream (`"stream": true`). */
  canStream: boolean;
}

export const GATEWAY_ROUTES: readonly GatewayRoute[] = [
  { path: 'models', method: 'GET', hasBody: false, canStream: false },
  { path: 'chat/completions', method: 'POST', hasBody: true, canStream: true },
  { path: 'completions', method: 'POST', hasBody: true, canStream: true },
  { path: 'embeddings', method: 'POST', hasBody: true, canStream: false },
];

export type RouteMatch = { ok: true; route: GatewayRoute } | { ok: false; status: 404 | 405 };

export function matchRoute(method: string, segments: readonly string[]): RouteMatch {
  const path = segments.join('/');
  const candidates = GATEWAY_ROUTES.filter((r) => r.path === path);
  if (candidates.length === 0) return { ok: false, status: 404 };
  const route = candidates.find((r) => r.method === method);
  return route ? { ok: true, route } : { ok: false, status: 405 };
}
