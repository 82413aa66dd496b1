#!/usr/bin/env node
// `npm start`: runs the built app with Next's production server on 127.0.0.1 (HOST to change it) and lets
// the app handle SIGINT/SIGTERM itself so that it can stop the engine before exiting.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (!fs.existsSync('.next/BUILD_ID')) {
  console.error(
    'No production build found: run `npm run build` first (or `npm ci && npm run build && npm start`).',
  );
  process.exit(1);
}
const host = process.env.HOST || '127.0.0.1';
const port = process.env.PORT || '3000';
const nextBin = require.resolve('next/dist/bin/next');
const child = spawn(process.execPath, [nextBin, 'start', '-H', host, '-p', port, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: 'true' },
});
console.log(`VLM Console on http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`);
// Forward, then wait: the server stops the engine and exits on its own.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
