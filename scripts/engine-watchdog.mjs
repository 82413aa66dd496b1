#!/usr/bin/env node
// Sits between the app and the engine. Node cannot ask the kernel to kill its children when it dies, and
// vLLM's EngineCore workers outlive a killed API server holding the GPU (vLLM issue 55510). So this process
// starts the engine in a process group of its own, and tears the whole launch down — SIGTERM, a grace
// period, SIGKILL — when the app goes away (its stdin closes), when the app asks ("stop" on stdin), when it
// is signalled itself, or when the engine exits and leaves workers behind.
//
// usage: engine-watchdog.mjs --grace-ms N --launch-id ID -- <executable> [args...]
// The engine writes straight into the app's stdout/stderr pipes (inherited). Events for the app go to fd 3
// as JSON lines: spawned {pid}, spawn-error {message}, exit {code, signal}, cleaned {killed}.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { findLaunchProcesses, LAUNCH_MARKER, signalLaunch } from '../lib/node/process-scan.mjs';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const own = sep >= 0 ? argv.slice(0, sep) : argv;
const command = sep >= 0 ? argv.slice(sep + 1) : [];
const graceMs = Number(own[own.indexOf('--grace-ms') + 1] ?? 20000) || 20000;
const launchId = own.includes('--launch-id') ? String(own[own.indexOf('--launch-id') + 1]) : null;

let events = null;
try {
  events = fs.createWriteStream('', { fd: 3 });
  events.on('error', () => {
    events = null;
  });
} catch {
  events = null;
}

function report(event) {
  events?.write(`${JSON.stringify(event)}\n`);
}

if (command.length === 0 || !command[0]) {
  report({ event: 'spawn-error', message: 'no command given' });
  process.exit(2);
}

const env = { ...process.env };
if (launchId) env[LAUNCH_MARKER] = launchId;

const engine = spawn(command[0], command.slice(1), {
  detached: true,
  stdio: ['ignore', 'inherit', 'inherit'],
  env,
});
const pgid = engine.pid ?? null;
const query = { pgid, launchId };
let tearingDown = false;

engine.on('spawn', () => report({ event: 'spawned', pid: engine.pid }));
engine.on('error', (error) => {
  report({ event: 'spawn-error', message: error.message, code: error.code });
  finish(0);
});
engine.on('exit', (code, signal) => {
  report({ event: 'exit', code, signal });
  // The main process is gone; whatever it left behind in the group must not keep the GPU.
  void teardown(Math.min(graceMs, 5000));
});

async function teardown(grace) {
  if (tearingDown) return;
  tearingDown = true;
  let signalled = signalLaunch(query, 'SIGTERM');
  const deadline = Date.now() + grace;
  while (findLaunchProcesses(query).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  signalled += signalLaunch(query, 'SIGKILL');
  const killDeadline = Date.now() + 2000;
  while (findLaunchProcesses(query).length > 0 && Date.now() < killDeadline) {
    await new Promise((r) => setTimeout(r, 25));
  }
  report({ event: 'cleaned', killed: signalled, left: findLaunchProcesses(query).length });
  finish(0);
}

function finish(code) {
  if (events) events.end(() => process.exit(code));
  else process.exit(code);
  setTimeout(() => process.exit(code), 500).unref();
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  if (text.includes('stop')) void teardown(graceMs);
});
// The app died or closed the pipe: nobody is left to stop the engine but us.
process.stdin.on('end', () => void teardown(graceMs));
process.stdin.on('error', () => void teardown(graceMs));
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => void teardown(graceMs));
