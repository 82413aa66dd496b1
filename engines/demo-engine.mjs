#!/usr/bin/env node
// Demo engine: a stand-in for `vllm serve` for machines without a GPU, for tests and for benchmarks.
// It imitates vLLM's OpenAI-compatible server at the process level — the startup log (same wording, same
// streams, `\r` progress bars), refused connections until the log is done, the HTTP API and its error bodies,
// vLLM-worded startup failures — so the app can supervise it exactly like vLLM, with no special case.
//
// Node built-ins only; nothing here imports from the app. Run `node engines/demo-engine.mjs --help` for flags.
// Modules: args (flags), startup-log (the timeline), failure-* (the --fail catalogue), server (HTTP),
// chat-request (validation), reply (the text), completion (SSE/JSON, pacing, aborts), images, metrics, flood.

import { PROG, parseArgs } from './demo-engine/args.mjs';
import { createContext } from './demo-engine/context.mjs';
import { startEngineCore } from './demo-engine/engine-core.mjs';
import { FAILURES } from './demo-engine/failures.mjs';
import { flood } from './demo-engine/flood.mjs';
import { emit, record, uvicorn } from './demo-engine/log.mjs';
import { startStatsLogger } from './demo-engine/metrics.mjs';
import { createApiServer } from './demo-engine/server.mjs';
import { play, startupEvents } from './demo-engine/startup-log.mjs';

const parsed = parseArgs(process.argv.slice(2), process.env);
if ('exitCode' in parsed) {
  if (parsed.stdout) process.stdout.write(parsed.stdout);
  if (parsed.stderr) process.stderr.write(parsed.stderr);
  process.exit(parsed.exitCode);
}
// A supervisor that stops reading must not turn into an EPIPE crash; vLLM would not notice either.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

const ctx = createContext(parsed.opts, parsed.given, startEngineCore());
const { opts } = ctx;
/** @type {import('node:http').Server | null} */
let server = null;

for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) process.on(signal, () => shutdown(signal));

if (opts.fail) await runFailure();
else if (opts.hang) await runHang();
else await serve();

async function serve() {
  await play(startupEvents(ctx), opts.startupSeconds);
  // The socket is created only now: until the log is done, connections are refused, as with vLLM (whose socket
  // is bound early but not listening).
  const api = createApiServer(ctx);
  api.on('error', (/** @type {NodeJS.ErrnoException} */ err) => {
    const reason = err.code === 'EADDRINUSE' ? 'address already in use' : err.message;
    emit([
      uvicorn(
        ctx.api,
        'ERROR',
        `[Errno 98] error while attempting to bind on address ('${opts.host}', ${opts.port}): ${reason}`,
      ),
      uvicorn(ctx.api, 'INFO', 'Waiting for application shutdown.'),
      uvicorn(ctx.api, 'INFO', 'Application shutdown complete.'),
    ]);
    process.exit(1);
  });
  api.listen(opts.port, opts.host, () => {
    server = api;
    if (!opts.disableLogStats) startStatsLogger(ctx);
    if (opts.floodLines > 0) flood(ctx, opts.floodLines);
  });
}

async function runFailure() {
  const kind = FAILURES[opts.fail];
  if (!kind) throw new Error(`${PROG}: unknown failure kind ${opts.fail}`); // args already rejects these
  kind.tweak?.(ctx);
  const events = startupEvents(ctx);
  let cut = events.findIndex((event) => event.id === kind.after);
  // A stage the options removed (e.g. CUDA graphs under --enforce-eager): fail just before the engine is ready.
  if (cut < 0) cut = events.findIndex((event) => event.id === 'engine-ready') - 1;
  const before = events.slice(0, cut + 1);
  const lastAt = before.at(-1)?.at || 1;
  const outs = kind.build(ctx);
  // Normal lines take the first 60 % of a short window, the excerpt the rest, a piece at a time.
  const timeline = [
    ...before.map((event) => ({ ...event, at: (0.6 * event.at) / lastAt })),
    ...outs.map((out, i) => ({ id: `fail:${i}`, at: 0.6 + (0.4 * (i + 1)) / outs.length, outs: [out] })),
  ];
  await play(timeline, Math.min(1, Math.max(0.3, opts.startupSeconds * 0.25)));
  process.exit(1);
}

async function runHang() {
  // Stops where a stalled weight download would: vLLM downloads silently, so the log just goes quiet.
  const events = startupEvents(ctx);
  const cut = events.findIndex((event) => event.id === 'weights-format');
  await play(events.slice(0, cut + 1), opts.startupSeconds);
  setInterval(() => {}, 1 << 30);
}

let interrupts = 0;

/**
 * A clean shutdown on the first SIGTERM/SIGINT (taking --shutdown-seconds); a second one while it runs quits
 * at once with exit code 1 and no clean-up, as llama-server ("Received second interrupt, terminating
 * immediately.") and uvicorn's forced exit do — which is why a supervisor must signal each process once.
 * @param {string} signal
 */
function shutdown(signal) {
  interrupts += 1;
  if (interrupts > 1) {
    emit(
      record(ctx.api, 'WARNING', 'api_server.py:1950', 'Received second interrupt, terminating immediately.'),
    );
    process.exit(1);
  }
  if (server) {
    emit(uvicorn(ctx.api, 'INFO', 'Shutting down'));
    server.closeAllConnections();
    server.close();
  }
  setTimeout(() => finishShutdown(signal), opts.shutdownSeconds * 1000);
}

/** @param {string} signal */
function finishShutdown(signal) {
  if (server) {
    emit([
      uvicorn(ctx.api, 'INFO', 'Waiting for application shutdown.'),
      uvicorn(ctx.api, 'INFO', 'Application shutdown complete.'),
      uvicorn(ctx.api, 'INFO', `Finished server process [${ctx.pid}]`),
    ]);
  } else {
    emit(
      record(
        ctx.api,
        'INFO',
        'api_server.py:1950',
        `Received ${signal} before the server was ready; exiting.`,
      ),
    );
  }
  process.exit(0);
}
