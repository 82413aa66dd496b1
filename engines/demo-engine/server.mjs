// The HTTP side: vLLM's routes, its API-key middleware (only /v1 paths are guarded), FastAPI-style 404/405
// bodies and uvicorn access lines on stdout (`INFO:     127.0.0.1:54321 - "GET /v1/models HTTP/1.1" 200 OK`),
// written when the response head goes out, as uvicorn does. Like vLLM, /health and /metrics are logged too
// unless --disable-access-log-for-endpoints or --disable-uvicorn-access-log says otherwise.

import { writeFile } from 'node:fs';
import { createServer, STATUS_CODES } from 'node:http';
import { apiError, parseChatRequest } from './chat-request.mjs';
import { complete } from './completion.mjs';
import { VERSION } from './context.mjs';
import { emit, uvicorn } from './log.mjs';
import { renderMetrics, runningRequests } from './metrics.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

// Well above any sane chat body (images arrive base64-encoded), low enough that a runaway client cannot
// exhaust memory.
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** @type {Record<string, string[]>} path → allowed methods */
const ROUTES = {
  '/health': ['GET'],
  '/ping': ['GET', 'POST'],
  '/load': ['GET'],
  '/version': ['GET'],
  '/metrics': ['GET'],
  '/v1/models': ['GET'],
  '/v1/chat/completions': ['POST'],
};

/**
 * @param {import('./context.mjs').Context} ctx
 * @returns {import('node:http').Server}
 */
export function createApiServer(ctx) {
  const { opts } = ctx;
  const quiet = new Set(
    String(opts.disableAccessLogForEndpoints ?? '')
      .split(',')
      .filter(Boolean),
  );
  let stampWritten = false;

  return createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      // uvicorn's behaviour for a bug in the app: log it, answer 500, keep serving.
      emit(uvicorn(ctx.api, 'ERROR', `Exception in ASGI application\n${/** @type {Error} */ (err).stack}`));
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    }
  });

  /** @param {IncomingMessage} req @param {ServerResponse} res */
  function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    /** Writes the head once and logs the access line. */
    const begin = (/** @type {number} */ status, /** @type {Record<string, string>} */ headers) => {
      if (res.headersSent) return;
      res.writeHead(status, headers);
      if (opts.disableUvicornAccessLog || quiet.has(path)) return;
      const peer = `${(req.socket.remoteAddress ?? '').replace(/^::ffff:/, '')}:${req.socket.remotePort}`;
      const line = `${peer} - "${req.method} ${req.url} HTTP/${req.httpVersion}" ${status} ${STATUS_CODES[status] ?? ''}`;
      emit(uvicorn(ctx.api, 'INFO', line, 'stdout'));
    };
    const json = (/** @type {number} */ status, /** @type {unknown} */ body) => {
      begin(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };

    const allowed = ROUTES[path];
    if (path.startsWith('/v1') && opts.apiKey && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return json(401, { error: 'Unauthorized' });
    }
    if (!allowed) return json(404, { detail: 'Not Found' });
    if (!allowed.includes(req.method ?? '')) return json(405, { detail: 'Method Not Allowed' });

    switch (path) {
      case '/health':
      case '/ping':
        begin(200, { 'content-length': '0' });
        res.end();
        if (!stampWritten && opts.readyStampFile) {
          stampWritten = true;
          writeFile(opts.readyStampFile, String(Date.now()), () => {});
        }
        return;
      case '/load':
        return json(200, { server_load: runningRequests() });
      case '/version':
        return json(200, { version: VERSION });
      case '/metrics':
        begin(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        return res.end(renderMetrics(ctx));
      case '/v1/models':
        return json(200, {
          object: 'list',
          data: [
            {
              id: opts.servedModelName,
              object: 'model',
              created: Math.floor(Date.now() / 1000),
              owned_by: 'vllm',
              root: opts.model,
              parent: null,
              max_model_len: opts.maxModelLen,
              permission: [],
            },
          ],
        });
      default:
        return chat(ctx, req, res, json, begin);
    }
  }
}

/**
 * @param {import('./context.mjs').Context} ctx
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {(status: number, body: unknown) => void} json
 * @param {(status: number, headers: Record<string, string>) => void} begin
 */
function chat(ctx, req, res, json, begin) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  req.on('data', (/** @type {Buffer} */ data) => {
    size += data.length;
    if (size <= MAX_BODY_BYTES) chunks.push(data);
  });
  req.on('error', () => res.destroy());
  req.on('end', () => {
    if (size > MAX_BODY_BYTES) {
      return json(413, {
        error: apiError(413, 'BadRequestError', `Request body exceeds ${MAX_BODY_BYTES} bytes.`).error,
      });
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (err) {
      const detail = String(/** @type {Error} */ (err).message).replaceAll("'", '"');
      const { error } = apiError(
        400,
        'BadRequestError',
        `[{'type': 'json_invalid', 'loc': ('body', 0), 'msg': 'JSON decode error', 'ctx': {'error': '${detail}'}}]`,
      );
      return json(400, { error });
    }
    const parsed = parseChatRequest(body, ctx);
    if ('error' in parsed) return json(parsed.status, { error: parsed.error });
    complete(ctx, parsed.request, res, begin).catch(() => {
      // Only reachable if the socket dies mid-write; the close handler has already accounted for it.
      res.destroy();
    });
  });
}
