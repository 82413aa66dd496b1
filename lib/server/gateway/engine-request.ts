import 'server-only';
// One request to the running engine over node:http(s): the engine's own per-launch key, the path from the
// allow-list, the validated body. node:http rather than fetch: no header or body timeout (a long
// non-streamed reply may take many minutes), and the response is a plain byte stream to relay unchanged.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { EngineConnection } from '../engine/supervisor';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

export interface EngineRequest {
  method: 'GET' | 'POST';
  /** e.g. `/v1/chat/completions`, from the allow-list. */
  path: string;
  body?: Buffer;
  signal: AbortSignal;
}

export function requestEngine(connection: EngineConnection, req: EngineRequest): Promise<IncomingMessage> {
  // Joined, not resolved: an external server's base URL may have a path of its own.
  const url = new URL(`${connection.baseUrl.replace(/\/+$/, '')}${req.path}`);
  const secure = url.protocol === 'https:';
  const headers: Record<string, string> = { accept: 'application/json, text/event-stream' };
  if (connection.apiKey) headers.authorization = `Bearer ${connection.apiKey}`;
  if (req.body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(req.body.byteLength);
  }
  return new Promise((resolve, reject) => {
    const options = { method: req.method, headers, signal: req.signal };
    const outgoing = secure
      ? https.request(url, { ...options, agent: agents['https:'] }, resolve)
      : http.request(url, { ...options, agent: agents['http:'] }, resolve);
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
