// The OpenAI-compatible gateway: /v1/chat/completions through the app (an API key, the engine's key
// added by the app, usage asked for and stripped) vs straight from the engine, and 16 concurrent streams
// from 4 keys, each checked for its own reply only. Same demo engine settings on both sides.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type AppServer, REPO, startApp } from '../tests/helpers/app-server';
import { startEngine, stopEngine, waitForState } from '../tests/helpers/engine-api';
import { createKey } from '../tests/helpers/gateway-api';
import { freePort, waitFor } from '../tests/helpers/net';
import { percentile, record } from './report';

const ENGINE_ARGS = [
  '--startup-seconds',
  '0',
  '--tokens-per-second',
  '0',
  '--thinking-tokens',
  '10000',
  '--answer-tokens',
  '10000',
];
const MODEL = 'demo/vlm-demo';
let app: AppServer;
let direct: ChildProcess;
let directUrl = '';
// A bare TCP relay in front of the direct engine (no app, no parsing): what any extra hop costs here.
let relay: ChildProcess;
let relayUrl = '';

interface StreamResult {
  ttftMs: number;
  tokens: number;
  streamMs: number;
  text: string;
  ids: Set<string>;
  finished: boolean;
}

/** Streams one chat completion and reads the engine's chunks (the gateway passes them through unchanged). */
async function streamChat(
  baseUrl: string,
  key: string | null,
  text: string,
  maxTokens?: number,
): Promise<StreamResult> {
  const sent = performance.now();
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      model: MODEL,
      stream: true,
      messages: [{ role: 'user', content: text }],
      ...(maxTokens ? { max_tokens: maxTokens } : {}),
    }),
  });
  const out: StreamResult = { ttftMs: 0, tokens: 0, streamMs: 0, text: '', ids: new Set(), finished: false };
  let first = 0;
  let last = 0;
  const parser = createParser({
    onEvent: (m) => {
      if (m.data === '[DONE]') return;
      const chunk = JSON.parse(m.data) as {
        id: string;
        choices: { delta: { content?: string; reasoning?: string }; finish_reason: string | null }[];
      };
      out.ids.add(chunk.id);
      const choice = chunk.choices[0];
      if (choice?.finish_reason) out.finished = true;
      const piece = (choice?.delta.reasoning ?? '') + (choice?.delta.content ?? '');
      if (!piece) return;
      const now = performance.now();
      if (!first) first = now;
      last = now;
      out.tokens += 1;
      out.text += piece;
    },
  });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    parser.feed(decoder.decode(chunk.value, { stream: true }));
  }
  return { ...out, ttftMs: first - sent, streamMs: last - first };
}

/** CPU time (user + system) a process has used, in ms, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

function cpuSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Times one long stream as the chat proxy's bench does: token events told apart by their bytes, not parsed
 * (the relay passes them unchanged). A client that parsed every chunk as it came would take a third of
 * this machine's two cores from the engine and the app it is meant to measure.
 */
async function timedTokens(
  baseUrl: string,
  key: string | null,
): Promise<{ tokens: number; streamMs: number }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ model: MODEL, stream: true, messages: [{ role: 'user', content: 'long' }] }),
  });
  let first = 0;
  let last = 0;
  let tokens = 0;
  const parser = createParser({
    onEvent: (m) => {
      if (!TOKEN_EVENT.test(m.data)) return;
      last = performance.now();
      if (!first) first = last;
      tokens += 1;
    },
  });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    parser.feed(decoder.decode(chunk.value, { stream: true }));
  }
  return { tokens, streamMs: last - first };
}

/** argv: listen port, engine port. Bytes both ways, nothing else. */
const BARE_RELAY = `
const net = require('node:net');
const [listen, target] = process.argv.slice(1).map(Number);
net.createServer((client) => {
  const engine = net.connect(target, '127.0.0.1');
  client.pipe(engine).pipe(client);
  client.on('error', () => engine.destroy());
  engine.on('error', () => client.destroy());
}).listen(listen, '127.0.0.1');`;

/** A chunk whose delta carries text (thinking or answer). */
const TOKEN_EVENT = /"delta":\{[^}]*"(reasoning|reasoning_content|content)":"[^"]/;

beforeAll(async () => {
  app = await startApp();
  await startEngine(app.url, { port: await freePort(), extraArgs: ENGINE_ARGS });
  await waitForState(app.url, ['ready'], 20_000);
  const port = await freePort();
  direct = spawn(
    process.execPath,
    [path.join(REPO, 'engines/demo-engine.mjs'), '--port', String(port), ...ENGINE_ARGS],
    { stdio: 'ignore', detached: true },
  );
  directUrl = `http://127.0.0.1:${port}`;
  const relayPort = await freePort();
  relay = spawn(process.execPath, ['-e', BARE_RELAY, String(relayPort), String(port)], { stdio: 'ignore' });
  relayUrl = `http://127.0.0.1:${relayPort}`;
  await waitFor(async () => (await fetch(`${directUrl}/health`)).ok, 20_000, 'the direct engine');
});

afterAll(async () => {
  if (direct?.pid) process.kill(-direct.pid, 'SIGTERM');
  relay?.kill('SIGTERM');
  await stopEngine(app.url);
  await waitForState(app.url, ['stopped'], 20_000);
  await app?.stop();
});

describe('OpenAI gateway', () => {
  it('throughput and time to first token, straight vs through /v1', async () => {
    const key = (await createKey(app.url, 'bench', 'chat')).key;
    const rates = { direct: [] as number[], app: [] as number[], bare: [] as number[] };
    // CPU per token of each process (the 2-core machine runs all three), to read the ratio by.
    const cpu = { engine: 0, app: 0, clientDirect: 0, clientApp: 0, tokens: 0 };
    // One pair first, not counted: both sides' code is compiled by then (the reading is the steady state).
    await waitFor(async () => (await fetch(`${relayUrl}/health`)).ok, 20_000, 'the bare relay');
    await timedTokens(directUrl, null);
    await timedTokens(app.url, key);
    await timedTokens(relayUrl, null);
    // Each stream lasts about a tenth of a second at this speed: the median of 15 rounds, side by side.
    for (let i = 0; i < 15; i++) {
      const engineBefore = cpuMs(direct.pid);
      const clientBefore = process.cpuUsage();
      const d = await timedTokens(directUrl, null);
      cpu.clientDirect += cpuSince(clientBefore);
      cpu.engine += cpuMs(direct.pid) - engineBefore;
      const appBefore = cpuMs(app.proc.pid);
      const clientAppBefore = process.cpuUsage();
      const a = await timedTokens(app.url, key);
      cpu.clientApp += cpuSince(clientAppBefore);
      cpu.app += cpuMs(app.proc.pid) - appBefore;
      cpu.tokens += d.tokens;
      rates.direct.push(d.tokens / (d.streamMs / 1000));
      rates.app.push(a.tokens / (a.streamMs / 1000));
      const b = await timedTokens(relayUrl, null);
      rates.bare.push(b.tokens / (b.streamMs / 1000));
    }
    const perToken = (ms: number) => ((ms * 1000) / cpu.tokens).toFixed(1);
    const ttft = { direct: [] as number[], app: [] as number[] };
    for (let i = 0; i < 20; i++) {
      ttft.direct.push((await streamChat(directUrl, null, 'short', 5)).ttftMs);
      ttft.app.push((await streamChat(app.url, key, 'short', 5)).ttftMs);
    }
    const directRate = percentile(rates.direct, 50);
    const appRate = percentile(rates.app, 50);
    const ratio = appRate / directRate;
    const added = percentile(ttft.app, 50) - percentile(ttft.direct, 50);
    const scenario = 'gateway /v1 (20,000 tokens)';
    record([
      {
        scenario,
        metric: 'tokens/s straight from the engine',
        value: Math.round(directRate).toLocaleString('en'),
        target: '',
        ok: null,
      },
      {
        scenario,
        metric: 'tokens/s through /v1',
        value: Math.round(appRate).toLocaleString('en'),
        target: '',
        ok: null,
      },
      { scenario, metric: 'throughput ratio', value: ratio.toFixed(2), target: '≥ 0.95', ok: ratio >= 0.95 },
      {
        scenario,
        metric: 'ratio through a bare TCP relay',
        value: (percentile(rates.bare, 50) / directRate).toFixed(2),
        target: '',
        ok: null,
      },
      {
        scenario,
        metric: 'CPU per token: engine / app process',
        value: `${perToken(cpu.engine)} / ${perToken(cpu.app)} µs`,
        target: '',
        ok: null,
      },
      {
        scenario,
        metric: 'CPU per token: client, straight / via /v1',
        value: `${perToken(cpu.clientDirect)} / ${perToken(cpu.clientApp)} µs`,
        target: '',
        ok: null,
      },
      {
        scenario: 'gateway /v1 (n=20)',
        metric: 'added TTFT p50',
        value: `${added.toFixed(1)} ms`,
        target: '≤ 15 ms',
        ok: added <= 15,
      },
    ]);
  });

  it('16 concurrent streams from 4 keys: all complete, each with its own reply only', async () => {
    const keys = await Promise.all([1, 2, 3, 4].map((k) => createKey(app.url, `bench-${k}`, 'chat')));
    const jobs = keys.flatMap((key, k) =>
      [1, 2, 3, 4].map((s) => ({ key: key.key, marker: `marker-k${k + 1}-s${s}` })),
    );
    const started = performance.now();
    const results = await Promise.all(
      jobs.map((job) => streamChat(app.url, job.key, `Reply to ${job.marker} please`, 400)),
    );
    const wallMs = performance.now() - started;
    const markers = jobs.map((j) => j.marker);
    const complete = results.filter((r) => r.finished).length;
    const clean = results.filter((r, i) => {
      const own = markers[i] ?? '';
      const others = markers.filter((m) => m !== own);
      return r.ids.size === 1 && r.text.includes(own) && !others.some((m) => r.text.includes(m));
    }).length;
    const tokens = results.reduce((sum, r) => sum + r.tokens, 0);
    const scenario = 'gateway 16 streams, 4 keys';
    record([
      {
        scenario,
        metric: 'streams complete',
        value: `${complete} / 16`,
        target: '16 / 16',
        ok: complete === 16,
      },
      {
        scenario,
        metric: 'streams with only their own reply',
        value: `${clean} / 16`,
        target: '16 / 16',
        ok: clean === 16,
      },
      {
        scenario,
        metric: 'wall time, tokens/s in all',
        value: `${wallMs.toFixed(0)} ms, ${Math.round(tokens / (wallMs / 1000)).toLocaleString('en')}`,
        target: '',
        ok: null,
      },
    ]);
  });
});
