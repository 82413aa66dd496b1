// A hand-written HTTP/1.1 client for what fetch cannot do: send headers and then a body slowly, or not at
// all, and watch when the server answers or hangs up.
import net from 'node:net';
import { TEST_TOKEN } from './auth';

export interface RawRequest {
  socket: net.Socket;
  /** The status code of the response, once its head has arrived (null if the server hung up first). */
  status: Promise<number | null>;
  /** Milliseconds from connect until the server closed the connection. */
  closed: Promise<number>;
  write(data: string | Buffer): void;
}

export function rawRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string | number>,
  opts: { bearer?: boolean } = {},
): RawRequest {
  const socket = net.connect(port, '127.0.0.1');
  const opened = performance.now();
  const all: Record<string, string | number> = { Host: `127.0.0.1:${port}`, ...headers };
  if (opts.bearer) all.Authorization = `Bearer ${TEST_TOKEN}`;
  const head = `${method} ${path} HTTP/1.1\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  socket.write(head);
  socket.on('error', () => {});
  let received = '';
  const status = new Promise<number | null>((resolve) => {
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match) resolve(Number(match[1]));
    });
    socket.on('close', () => resolve(null));
  });
  const closed = new Promise<number>((resolve) => {
    socket.on('close', () => resolve(performance.now() - opened));
  });
  return {
    socket,
    status,
    closed,
    write: (data) => {
      if (!socket.destroyed) socket.write(data);
    },
  };
}

/** Resolves with `value` after `ms`: the far end of a race, for "did it happen by then". */
export function settleAfter<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}
