// Request bodies at the door, before Next.js sees them. Pages and sign-in are open to anyone who has the
// URL (a tunnel makes that the internet), so a stranger must neither hold connections open by trickling a
// body (the server has no overall request timeout: streams run for minutes) nor make the app buffer
// megabytes for a page (the page proxy reads whole bodies). Routes that take big bodies (a conversation
// with images) keep no deadline while they read; once any response is sent, a body still arriving gets the
// short deadline too.

/** Pages accept no real body (the app has no server actions); a small form is the most they may carry. */
export const PAGE_BODY_MAX_BYTES = 16 * 1024;

/** API routes whose bodies may be large and arrive slowly over a tunnel; every other body is small. */
const LARGE_BODY_ROUTES = [
  /^\/api\/chat\/?$/,
  /^\/api\/images\/?$/,
  /^\/api\/videos\/?$/,
  // The OpenAI-compatible gateway: conversations with images as data URLs.
  /^\/v1\/(chat\/completions|completions|embeddings)\/?$/,
];

/** @param {import('node:http').IncomingMessage} req */
function hasBody(req) {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} code
 * @param {string} message
 */
function refuse(res, status, code, message) {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    Connection: 'close',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * Call first for every request. Returns true when it answered the request itself (the caller hands it to
 * Next otherwise).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ smallBodyDeadlineMs: number }} limits
 */
export function guardBody(req, res, limits) {
  if (!hasBody(req)) return false;
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  const isPage = !pathname.startsWith('/api/') && !pathname.startsWith('/v1/');
  if (isPage) {
    const length = req.headers['content-length'];
    if (length === undefined) {
      refuse(res, 411, 'bad_request', 'Pages take no streamed request body.');
      return true;
    }
    if (Number(length) > PAGE_BODY_MAX_BYTES) {
      refuse(res, 413, 'payload_too_large', `Pages take at most ${PAGE_BODY_MAX_BYTES / 1024} KB of body.`);
      return true;
    }
  }
  const cut = () => {
    // Whatever it was still sending is not worth waiting for: the connection goes, and its reader with it.
    if (!req.complete) req.socket.destroy();
  };
  const deadline = limits.smallBodyDeadlineMs;
  let timer = LARGE_BODY_ROUTES.some((r) => r.test(pathname)) ? undefined : setTimeout(cut, deadline);
  res.once('finish', () => {
    if (!req.complete && timer === undefined) timer = setTimeout(cut, deadline);
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  return false;
}
