import 'server-only';
// `fetch` over client.ts, for the OpenAI SDK's requests to the engine: the SDK keeps its request building,
// its error statuses and its abort handling, and the body arrives a network read per chunk rather than an
// HTTP chunk (a token) per chunk. Only what the SDK sends: a URL, a method, headers, a string or byte body.
import { Readable } from 'node:stream';
import { http1Request } from './client';

/** Statuses whose Response may not have a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export async function http1Fetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  if (input instanceof Request) throw new TypeError('http1Fetch takes a URL, not a Request');
  const body = await bodyBytes(init.body);
  const res = await http1Request(new URL(input), {
    method: (init.method ?? 'GET').toUpperCase(),
    headers: new Headers(init.headers),
    body,
    signal: init.signal ?? undefined,
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) headers.append(name, value);
  if (NULL_BODY.has(res.statusCode)) {
    res.destroy();
    return new Response(null, { status: res.statusCode, headers });
  }
  // Readable.toWeb's stream type is node:stream/web's; it is the global ReadableStream at run time.
  const stream = Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>;
  return new Response(stream, { status: res.statusCode, headers });
}

async function bodyBytes(body: RequestInit['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  return Buffer.from(await new Response(body).arrayBuffer());
}
