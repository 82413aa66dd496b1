import 'server-only';
// One request to the running engine: the engine's own per-launch key, the path from the allow-list, the
// validated body; the answer a byte stream to relay unchanged. Over http1/client.ts, not node:http: at full
// speed the engine sends a chunk per token, and node:http's handing over of each one was the largest cost
// of the relay. No header or body timeout: a long non-streamed reply may take many minutes.
import type { Readable } from 'node:stream';
import type { EngineConnection } from '../engine/supervisor';
import { http1Request } from '../http1/client';

export interface EngineRequest {
  method: 'GET' | 'POST';
  /** e.g. `/v1/chat/completions`, from the allow-list. */
  path: string;
  body?: Buffer;
  signal: AbortSignal;
}

/** What the relays read of the engine's answer: status, headers (names in lower case), the body's bytes. */
export interface EngineAnswer extends Readable {
  readonly statusCode: number;
  readonly headers: Record<string, string | undefined>;
}

export function requestEngine(connection: EngineConnection, req: EngineRequest): Promise<EngineAnswer> {
  // Joined, not resolved: an external server's base URL may have a path of its own.
  const url = new URL(`${connection.baseUrl.replace(/\/+$/, '')}${req.path}`);
  const headers: [string, string][] = [['Accept', 'application/json, text/event-stream']];
  if (connection.apiKey) headers.push(['Authorization', `Bearer ${connection.apiKey}`]);
  if (req.body) headers.push(['Content-Type', 'application/json']);
  return http1Request(url, { method: req.method, headers, body: req.body, signal: req.signal });
}
