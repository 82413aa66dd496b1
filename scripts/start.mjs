#!/usr/bin/env node
// `npm start`: serves the production build on 127.0.0.1 (HOST to change it) through a small custom server.
// It exists for two things `next start` cannot do: tell the app the real client address (for the sign-in
// rate limit) without trusting a header anyone can send, and stop the engine before exiting on
// SIGINT/SIGTERM (the app's own handlers run; Next installs none in this mode).
import fs from 'node:fs';
import http from 'node:http';
import next from 'next';
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from './lib/client-address.mjs';

if (!fs.existsSync('.next/BUILD_ID')) {
  console.error(
    'No production build found: run `npm run build` first (or `npm ci && npm run build && npm start`).',
  );
  process.exit(1);
}

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);
const isTrusted = parseTrustedProxies(process.env.VLM_CONSOLE_TRUSTED_PROXIES);
process.env.NODE_ENV = 'production';

const app = next({ dev: false, hostname: host, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    isTrusted,
  );
  handle(req, res);
});
// Streams (engine log, chat) stay open for minutes; only idle keep-alive sockets should time out.
server.requestTimeout = 0;
server.headersTimeout = 60_000;
server.listen(port, host, () => {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  console.log(`VLM Console listening on http://${shown}:${port}`);
  const announce = globalThis[Symbol.for('vlm-console.announce')];
  if (typeof announce === 'function') announce(`http://${shown}:${port}`);
});
server.on('error', (error) => {
  console.error(`Could not listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
