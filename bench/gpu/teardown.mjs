#!/usr/bin/env node
// Teardown on a real GPU: the watchdog runs bench/gpu/cuda-stand-in.py (a CUDA process whose titled worker
// left the group and lost the launch marker), then is told to stop; the time is Stop → the GPU's memory is free
// again (nvidia-smi), over N trials. Run on a GPU machine: node bench/gpu/teardown.mjs [trials]
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const watchdog = path.join(here, '..', '..', 'scripts', 'engine-watchdog.mjs');
const standIn = path.join(here, 'cuda-stand-in.py');
const trials = Number(process.argv[2] ?? 20);

const usedMiB = () =>
  Number(execFileSync('nvidia-smi', ['--query-gpu=memory.used', '--format=csv,noheader,nounits']).toString());
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const baseline = usedMiB();

async function trial() {
  const proc = spawn(
    process.execPath,
    [watchdog, '--grace-ms', '20000', '--launch-id', randomUUID(), '--', 'python3', standIn],
    { stdio: ['pipe', 'pipe', 'inherit', 'pipe'] },
  );
  let out = '';
  proc.stdout.on('data', (c) => {
    out += c;
  });
  const events = [];
  proc.stdio[3].on('data', (c) => events.push(...String(c).trim().split('\n')));
  while (!(out.includes('worker ready') && out.includes('api server ready'))) await sleep(20);
  const held = usedMiB();
  const t0 = performance.now();
  proc.stdin.write('stop\n');
  while (usedMiB() > baseline + 256) await sleep(10);
  const freedMs = performance.now() - t0;
  await new Promise((r) => proc.once('close', r));
  const cleanedMs = performance.now() - t0;
  return { held, freedMs, cleanedMs, events };
}

const results = [];
for (let i = 0; i < trials; i++) {
  const r = await trial();
  results.push(r);
  console.log(
    `trial ${i + 1}: held ${r.held} MiB, GPU free after ${r.freedMs.toFixed(0)} ms, watchdog done after ${r.cleanedMs.toFixed(0)} ms; ${r.events.filter((e) => e.includes('"exit"') || e.includes('cleaned')).join(' ')}`,
  );
}
const sorted = results.map((r) => r.freedMs).sort((a, b) => a - b);
console.log(
  `GPU memory free after Stop, ${trials} trials: p50 ${sorted[Math.floor((trials - 1) / 2)].toFixed(0)} ms, worst ${sorted.at(-1).toFixed(0)} ms (baseline ${baseline} MiB)`,
);
