#!/usr/bin/env node
// `npm start`: serves the production build on 127.0.0.1 (HOST to change it) through a small custom server.
// It exists for what `next start` cannot do: tell the app the real client address (for the sign-in rate
// limit) without trusting a header anyone can send, stop the engine before exiting on SIGINT/SIGTERM (the
// app's own handlers run; Next installs none in this mode), and open a tunnel (`--tunnel`, see
// scripts/lib/tunnels/) once the app listens.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  dropUntrustedForwarding,
  parseTrustedProxies,
} from '../lib/node/client-address.mjs';
import { guardBody } from './lib/body-guard.mjs';
import { parseStartArgs, UsageError } from './lib/start-args.mjs';
import { prepareTunnel, runTunnel, TunnelError } from './lib/tunnels/index.mjs';

// Everything that can be wrong with the command is checked before Next.js loads: failing takes a moment.
let args;
try {
  args = parseStartArgs(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exit(2);
}
if (!fs.existsSync('.next/BUILD_ID')) {
  console.error(
    'No production build found: run `npm run build` first (or `npm ci && npm run build && npm start`).',
  );
  process.exit(1);
}
let tunnel;
try {
  tunnel = await prepareTunnel(args.tunnel, {
    env: process.env,
    dataDir: path.resolve(process.env.VLM_CONSOLE_DATA_DIR || './.data'),
    installCloudflared: args.installCloudflared,
    log: (line) => console.log(line),
  });
} catch (error) {
  if (!(error instanceof TunnelError)) throw error;
  console.error(error.message);
  process.exit(error.exitCode);
}

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);
const isTrusted = parseTrustedProxies(process.env.VLM_CONSOLE_TRUSTED_PROXIES);
const bodyLimits = { smallBodyDeadlineMs: (Number(process.env.VLM_CONSOLE_BODY_DEADLINE_S) || 5) * 1000 };
process.env.NODE_ENV = 'production';

const { default: next } = await import('next');
const app = next({ dev: false, hostname: host, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (guardBody(req, res, bodyLimits)) return;
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    isTrusted,
  );
  dropUntrustedForwarding(req.headers, req.socket.remoteAddress, isTrusted);
  handle(req, res);
});
// Large uploads over a slow tunnel may take minutes, so there is no overall request timeout; small bodies
// get a deadline of their own (body-guard.mjs). Only idle keep-alive sockets time out here.
server.requestTimeout = 0;
server.headersTimeout = 60_000;
server.listen(port, host, () => {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const localUrl = `http://${shown}:${port}`;
  console.log(`VLM Console listening on ${localUrl}`);
  const announce = globalThis[Symbol.for('vlm-console.announce')];
  const announcer = typeof announce === 'function' ? announce : undefined;
  announcer?.(localUrl);
  if (tunnel) runTunnel(tunnel, localUrl, announcer);
});
server.on('error', (error) => {
  console.error(`Could not listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
