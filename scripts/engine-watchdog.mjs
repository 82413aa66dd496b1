#!/usr/bin/env node
// Sits between the app and the engine. Node cannot ask the kernel to kill its children when it dies, and
// vLLM's EngineCore workers outlive a killed API server holding the GPU (vLLM issue 55510). So this process
// starts the engine in a process group of its own, and tears the whole launch down — SIGTERM, a grace
// period, SIGKILL — when the app goes away (its stdin closes), when the app asks ("stop" on stdin), when it
// is signalled itself, or when the engine exits and leaves workers behind. The app starts it in a group of
// its own too, so a signal to the app's group (job control, a process manager) does not cut a teardown short.
//
// usage: engine-watchdog.mjs --grace-ms N --launch-id ID -- <executable> [args...]
// The engine writes straight into the app's stdout/stderr pipes (inherited). Events for the app go to fd 3
// as JSON lines: spawned {pid}, spawn-error {message}, tracked {processes: [{pid, start}]} (descendants found
// by parent pid), exit {code, signal}, cleaned {killed, left}. `exit` always comes before `cleaned`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import {
  findLaunchProcesses,
  followDescendants,
  LAUNCH_MARKER,
  signalLaunch,
} from '../lib/node/process-scan.mjs';

const FOLLOW_MS = 500;
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

// setproctitle (vLLM titles its processes with it) overwrites /proc/PID/environ by default, marker included;
// SPT_NOENV=1 makes it leave the environment alone.
const env = { ...process.env, SPT_NOENV: '1' };
if (launchId) env[LAUNCH_MARKER] = launchId;

const engine = spawn(command[0], command.slice(1), {
  detached: true,
  stdio: ['ignore', 'inherit', 'inherit'],
  env,
});
const pgid = engine.pid ?? null;
/** pid → start time of every process seen in the launch, so a worker that left the group is still found. */
const tracked = new Map();
const query = { pgid, launchId, tracked };
let tearingDown = false;
const engineExited = new Promise((resolve) => {
  engine.on('exit', (code, signal) => {
    report({ event: 'exit', code, signal });
    resolve();
  });
  engine.on('error', () => resolve());
});

function follow() {
  const found = followDescendants(query);
  if (found.length > 0)
    report({ event: 'tracked', processes: found.map(({ pid, start }) => ({ pid, start })) });
}
const following = setInterval(follow, FOLLOW_MS);

engine.on('spawn', () => {
  report({ event: 'spawned', pid: engine.pid });
  follow();
});
engine.on('error', (error) => {
  report({ event: 'spawn-error', message: error.message, code: error.code });
  clearInterval(following);
  finish(0);
});
engine.on('exit', () => {
  // The main process is gone; whatever it left behind must not keep the GPU.
  void teardown(Math.min(graceMs, 5000));
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntilGone(deadline, stepMs) {
  while (findLaunchProcesses(query).length > 0 && Date.now() < deadline) await sleep(stepMs);
}

async function teardown(grace) {
  if (tearingDown) return;
  tearingDown = true;
  follow();
  let signalled = findLaunchProcesses(query).length > 0 ? signalLaunch(query, 'SIGTERM') : 0;
  await waitUntilGone(Date.now() + grace, 50);
  if (findLaunchProcesses(query).length > 0) signalled += signalLaunch(query, 'SIGKILL');
  await waitUntilGone(Date.now() + 2000, 25);
  clearInterval(following);
  // The scan stops counting the engine once it is a zombie, which can be before its exit event: wait for the
  // event, so the app learns the real exit (0, or the signal) instead of guessing.
  await Promise.race([engineExited, sleep(2000)]);
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
