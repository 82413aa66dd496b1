import 'server-only';
// HTTP/1.1 requests to the engine on a socket of their own, answered as a readable byte stream. Not
// node:http (nor fetch, which is undici): at full speed an engine sends one chunk per token, and both hand
// each chunk over on its own (a parser callback, a buffer, a stream push or a promise per token: the
// largest cost of relaying a reply, measured with the bench's profiler). chunked-decoder.ts turns each
// network read into one buffer instead. No header or body timeout (a long non-streamed reply may take many
// minutes); `Connection: close`, so there is no keep-alive bookkeeping. Plain http and https both.
import net from 'node:net';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import { ChunkedDecoder } from './chunked-decoder';

/** A response head larger than this is not an engine's. */
const MAX_HEAD_BYTES = 64 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n');

export interface Http1Request {
  method: string;
  /** Header names and values; Host, Connection and Content-Length are the client's own. */
  headers: Iterable<[string, string]>;
  body?: Buffer;
  signal?: AbortSignal;
}

/** The answer: status, headers (names in lower case, repeated ones joined), the body's bytes. */
export class Http1Response extends Readable {
  constructor(
    readonly statusCode: number,
    readonly headers: Record<string, string>,
    private readonly socket: net.Socket,
  ) {
    super();
  }

  override _read(): void {
    this.socket.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }
}

/** Sends one request; resolves with the response once its head has come, rejects if it never does. */
export function http1Request(url: URL, req: Http1Request): Promise<Http1Response> {
  const secure = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port) || (secure ? 443 : 80);
  return new Promise((resolve, reject) => {
    const signal = req.signal;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const head = requestHead(url, req);
    const socket = secure
      ? tls.connect({
          host,
          port,
          servername: net.isIP(host) ? undefined : host,
          ALPNProtocols: ['http/1.1'],
        })
      : net.connect({ host, port });
    socket.setNoDelay(true);
    const reader = new ResponseReader(socket, req.method, resolve, reject);
    if (signal) {
      const onAbort = () => reader.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      socket.once('close', () => signal.removeEventListener('abort', onAbort));
    }
    socket.write(head);
    if (req.body) socket.write(req.body);
  });
}

function requestHead(url: URL, req: Http1Request): string {
  const lines = [
    `${req.method} ${url.pathname}${url.search} HTTP/1.1`,
    `Host: ${url.host}`,
    'Connection: close',
  ];
  let authorization = false;
  for (const [name, value] of req.headers) {
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'connection' || lower === 'content-length') continue;
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new TypeError(`invalid header ${name}`);
    if (lower === 'authorization') authorization = true;
    lines.push(`${name}: ${value}`);
  }
  if (!authorization && url.username) {
    // As node:http does for credentials in the URL (an external server's own).
    const auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    lines.push(`Authorization: Basic ${Buffer.from(auth).toString('base64')}`);
  }
  if (req.body) lines.push(`Content-Length: ${req.body.byteLength}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

type Framing =
  | { kind: 'chunked'; decoder: ChunkedDecoder }
  | { kind: 'length'; left: number }
  | { kind: 'close' };

/** Reads the response head off the socket, then hands the body to an Http1Response a read at a time. */
class ResponseReader {
  private head: Buffer = Buffer.alloc(0);
  private response: Http1Response | null = null;
  private framing: Framing = { kind: 'close' };
  private complete = false;

  constructor(
    private readonly socket: net.Socket,
    private readonly method: string,
    private readonly resolve: (res: Http1Response) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    socket.on('data', (data: Buffer) => this.onData(data));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(connectionReset('socket hang up')));
  }

  abort(reason: unknown): void {
    if (this.response) this.fail(connectionReset('aborted'));
    else if (!this.complete) {
      this.complete = true;
      this.socket.destroy();
      this.reject(reason);
    }
  }

  private onData(data: Buffer): void {
    if (this.response) {
      this.onBody(data);
      return;
    }
    this.head = this.head.length === 0 ? data : Buffer.concat([this.head, data]);
    const end = this.head.indexOf(HEAD_END);
    if (end === -1) {
      if (this.head.length > MAX_HEAD_BYTES)
        this.fail(new Error('The server sent an oversized response head.'));
      return;
    }
    const rest = this.head.subarray(end + HEAD_END.length);
    const parsed = parseHead(this.head.toString('latin1', 0, end));
    this.head = Buffer.alloc(0);
    if (!parsed) {
      this.fail(new Error('The server did not answer in HTTP/1.1.'));
      return;
    }
    // An interim answer (100 Continue, 103 Early Hints): the real head follows.
    if (parsed.status < 200) {
      if (rest.length > 0) this.onData(rest);
      return;
    }
    this.response = new Http1Response(parsed.status, parsed.headers, this.socket);
    this.framing = framingOf(parsed.status, parsed.headers, this.method);
    this.resolve(this.response);
    if (this.framing.kind === 'length' && this.framing.left === 0) this.finish();
    else if (rest.length > 0) this.onBody(rest);
  }

  private onBody(data: Buffer): void {
    const response = this.response;
    if (!response || this.complete) return;
    let payload = data;
    const framing = this.framing;
    if (framing.kind === 'chunked') {
      try {
        payload = framing.decoder.push(data);
      } catch (error) {
        this.fail(new Error(`The answer broke its chunked coding: ${(error as Error).message}`));
        return;
      }
    } else if (framing.kind === 'length') {
      payload = data.length > framing.left ? data.subarray(0, framing.left) : data;
      framing.left -= payload.length;
    }
    if (payload.length > 0 && !response.push(payload)) this.socket.pause();
    const ended =
      (framing.kind === 'chunked' && framing.decoder.done) ||
      (framing.kind === 'length' && framing.left === 0);
    if (ended) this.finish();
  }

  private finish(): void {
    this.complete = true;
    this.response?.push(null);
    this.socket.end();
  }

  /** The connection broke (or was aborted): before the head a rejection, after it an error on the body. */
  private fail(error: Error): void {
    if (this.complete) return;
    this.complete = true;
    const response = this.response;
    if (!response) {
      this.socket.destroy();
      this.reject(error);
    } else if (response.destroyed) {
      // Its reader left first; nothing is waiting for an error.
    } else if (this.framing.kind === 'close' && error.message === 'socket hang up') {
      // A body without framing ends with the connection.
      response.push(null);
    } else {
      response.destroy(error);
    }
  }
}

function parseHead(text: string): { status: number; headers: Record<string, string> } | null {
  const [statusLine = '', ...lines] = text.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(statusLine);
  if (!status) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return { status: Number(status[1]), headers };
}

function framingOf(status: number, headers: Record<string, string>, method: string): Framing {
  if (method === 'HEAD' || status === 204 || status === 304) return { kind: 'length', left: 0 };
  if (/(?:^|,)\s*chunked\s*$/i.test(headers['transfer-encoding'] ?? '')) {
    return { kind: 'chunked', decoder: new ChunkedDecoder() };
  }
  const length = headers['content-length'];
  if (length !== undefined && /^\d+$/.test(length)) return { kind: 'length', left: Number(length) };
  return { kind: 'close' };
}

function connectionReset(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}
