import 'server-only';
// Browser-based OpenAI clients on other origins (a web UI's direct connection) call /v1 with a key in the
// Authorization header. Any origin may, because the key is the credential: `*` never lets a browser send
// the app's session cookie along (credentialed requests are refused with a wildcard origin).
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
} as const;

/** The preflight a browser sends before a POST with Authorization and a JSON body. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Max-Age': '600',
    },
  });
}
