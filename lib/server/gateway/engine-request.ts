import 'server-only';
// One request to the running engine over node:http: the engine's own per-launch key, the path from the
// allow-list, the validated body. node:http rather than fetch: no header or body timeout (a long
// non-streamed reply may take many minutes), and the response is a plain byte stream to relay unchanged.
import http, { type IncomingMessage } from 'node:http';
import type { EngineConnection } from '../engine/supervisor';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface EngineRequest {
  method: 'GET' | 'POST';
  /** e.g. `/v1/chat/completions`, from the allow-list. */
  path: string;
  body?: Buffer;
  signal: AbortSignal;
}

export function requestEngine(connection: EngineConnection, req: EngineRequest): Promise<IncomingMessage> {
  const url = new URL(req.path, connection.baseUrl);
  const headers: Record<string, string> = { accept: 'application/json, text/event-stream' };
  if (connection.apiKey) headers.authorization = `Bearer ${connection.apiKey}`;
  if (req.body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(req.body.byteLength);
  }
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method: req.method, headers, agent, signal: req.signal }, resolve);
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
