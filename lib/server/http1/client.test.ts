// The socket client against a real server on 127.0.0.1 that writes exactly the bytes each case needs.
import net from 'node:net';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { http1Request } from './client';
import { http1Fetch } from './fetch';

const servers: net.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server that reads the request head and answers with `reply(head, socket)`. */
async function rawServer(reply: (head: string, socket: net.Socket) => void): Promise<URL> {
  const server = net.createServer((socket) => {
    let got = '';
    socket.on('data', (d) => {
      got += d.toString('latin1');
      const end = got.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/content-length: (\d+)/i.exec(got)?.[1] ?? 0);
      if (got.length >= end + 4 + length) reply(got, socket);
    });
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return new URL(`http://127.0.0.1:${port}/v1/chat/completions`);
}

async function text(body: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

describe('http1Request', () => {
  it('sends the method, path, headers and body, and reads a chunked answer written a byte at a time', async () => {
    let seen = '';
    const url = await rawServer((head, socket) => {
      seen = head;
      const wire =
        'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n6\r\ndata: \r\n3\r\nhi\n\r\n0\r\n\r\n';
      let i = 0;
      const next = () => {
        if (i < wire.length) socket.write(wire[i++] ?? '', next);
        else socket.end();
      };
      next();
    });
    const res = await http1Request(url, {
      method: 'POST',
      headers: [['Authorization', 'Bearer k']],
      body: Buffer.from('{"a":1}'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream');
    expect(await text(res)).toBe('data: hi\n');
    expect(seen).toMatch(/^POST \/v1\/chat\/completions HTTP\/1\.1\r\n/);
    expect(seen).toContain('Authorization: Bearer k\r\n');
    expect(seen).toContain('Content-Length: 7\r\n');
    expect(seen.endsWith('{"a":1}')).toBe(true);
  });

  it('reads a Content-Length body, skips a 100 Continue, and joins repeated headers', async () => {
    const url = await rawServer((_head, socket) => {
      socket.write('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 400 Bad Request\r\nX-A: 1\r\nX-A: 2\r\n');
      socket.write('Content-Length: 11\r\n\r\n{"error":1}');
    });
    const res = await http1Request(url, { method: 'GET', headers: [] });
    expect(res.statusCode).toBe(400);
    expect(res.headers['x-a']).toBe('1, 2');
    expect(await text(res)).toBe('{"error":1}');
  });

  it('reads a body without framing until the server closes', async () => {
    const url = await rawServer((_head, socket) => socket.end('HTTP/1.1 200 OK\r\n\r\nall of it'));
    expect(await text(await http1Request(url, { method: 'GET', headers: [] }))).toBe('all of it');
  });

  it('sends credentials from the URL as Basic auth when no key is given', async () => {
    let seen = '';
    const url = await rawServer((head, socket) => {
      seen = head;
      socket.end('HTTP/1.1 204 No Content\r\n\r\n');
    });
    url.username = 'me';
    url.password = 'p%40ss';
    const res = await http1Request(url, { method: 'GET', headers: [] });
    expect(res.statusCode).toBe(204);
    expect(seen).toContain(`Authorization: Basic ${Buffer.from('me:p@ss').toString('base64')}\r\n`);
  });

  it('rejects when the server closes before answering, and errors a body cut short', async () => {
    const silent = await rawServer((_head, socket) => socket.destroy());
    await expect(http1Request(silent, { method: 'GET', headers: [] })).rejects.toThrow(/socket hang up/);
    const cut = await rawServer((_head, socket) =>
      socket.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel'),
    );
    const res = await http1Request(cut, { method: 'GET', headers: [] });
    await expect(text(res)).rejects.toThrow(/socket hang up/);
  });

  it('aborts: before the answer a rejection with the reason, after it an error on the body', async () => {
    const hang = await rawServer(() => undefined);
    const early = new AbortController();
    const pending = http1Request(hang, { method: 'GET', headers: [], signal: early.signal });
    early.abort(new Error('user left'));
    await expect(pending).rejects.toThrow('user left');
    const slow = await rawServer((_head, socket) =>
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n'),
    );
    const late = new AbortController();
    const res = await http1Request(slow, { method: 'GET', headers: [], signal: late.signal });
    const body = text(res);
    late.abort();
    await expect(body).rejects.toThrow('aborted');
  });

  it('refuses a header value that would split the request', async () => {
    const url = await rawServer(() => undefined);
    await expect(
      http1Request(url, { method: 'GET', headers: [['X-Bad', 'a\r\nInjected: 1']] }),
    ).rejects.toThrow(/invalid header/);
  });
});

describe('http1Fetch', () => {
  it('answers as fetch does: status, headers, a streamed body, and null for 204', async () => {
    const url = await rawServer((head, socket) => {
      if (head.startsWith('DELETE')) socket.end('HTTP/1.1 204 No Content\r\n\r\n');
      else
        socket.end('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
    });
    const res = await http1Fetch(url, {
      method: 'post',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({});
    const none = await http1Fetch(url.href, { method: 'DELETE' });
    expect(none.status).toBe(204);
    expect(none.body).toBeNull();
  });
});
