// Chat proxy overhead: the same demo engine configuration read straight from the engine and through
// /api/chat, in one run. Throughput counts tokens between the first and the last token; TTFT is measured
// from the request to the first reasoning or content token.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type AppServer, REPO, startApp } from '../tests/helpers/app-server';
import { startEngine, stopEngine, waitForState } from '../tests/helpers/engine-api';
import { freePort, waitFor } from '../tests/helpers/net';
import { percentile, record } from './report';

const ENGINE_ARGS = ['--startup-seconds', '0', '--tokens-per-second', '0'];
let app: AppServer;
let direct: ChildProcess;
let directUrl = '';

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

interface Sample {
  ttftMs: number;
  tokens: number;
  streamMs: number;
}

/** Reads an SSE body; `onData` gets each data payload (engine chunks or app events alike). */
async function timedStream(
  url: string,
  body: unknown,
  isToken: (event: string | undefined, data: string) => boolean,
) {
  const sent = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  let first = 0;
  let last = 0;
  let tokens = 0;
  const parser = createParser({
    onEvent: (m) => {
      if (!isToken(m.event, m.data)) return;
      const now = performance.now();
      if (!first) first = now;
      last = now;
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
  return { ttftMs: first - sent, tokensSeen: tokens, streamMs: last - first };
}

const engineToken = (_event: string | undefined, data: string) =>
  data.includes('"delta"') && /"(reasoning|content)":"[^"]/.test(data);
const appToken = (event: string | undefined) => event === 'reasoning' || event === 'content';

beforeAll(async () => {
  app = await startApp();
  const appEnginePort = await freePort();
  await startEngine(app.url, {
    port: appEnginePort,
    extraArgs: [...ENGINE_ARGS, '--thinking-tokens', '10000', '--answer-tokens', '10000'],
  });
  await waitForState(app.url, ['ready'], 20_000);
  const port = await freePort();
  direct = spawn(
    process.execPath,
    [
      path.join(REPO, 'engines/demo-engine.mjs'),
      '--port',
      String(port),
      ...ENGINE_ARGS,
      '--thinking-tokens',
      '10000',
      '--answer-tokens',
      '10000',
    ],
    { stdio: 'ignore', detached: true },
  );
  directUrl = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${directUrl}/health`)).ok, 20_000, 'the direct engine');
});

afterAll(async () => {
  if (direct?.pid) process.kill(-direct.pid, 'SIGTERM');
  await stopEngine(app.url);
  await waitForState(app.url, ['stopped'], 20_000);
  await app?.stop();
});

const question = (text: string, max?: number) => ({
  messages: [{ role: 'user', content: text }],
  ...(max ? { params: { max_tokens: max } } : {}),
});

describe('chat proxy overhead', () => {
  it('throughput and time to first token, straight vs through /api/chat', async () => {
    // Each stream lasts about a tenth of a second at this speed: the median of 15 pairs, side by side,
    // after one pair not counted (both sides' code is compiled by then: the reading is the steady state).
    const runs = 15;
    await timedStream(
      `${directUrl}/v1/chat/completions`,
      { model: 'demo/vlm-demo', stream: true, ...question('long') },
      engineToken,
    );
    await timedStream(`${app.url}/api/chat`, question('long'), appToken);
    const directRuns: Sample[] = [];
    const appRuns: Sample[] = [];
    // CPU the app's process spends per token (what the server path costs, whatever else the machine runs),
    // beside the engine's own per token when read straight.
    let engineCpu = 0;
    let appCpu = 0;
    let tokensTotal = 0;
    for (let i = 0; i < runs; i++) {
      const engineBefore = cpuMs(direct.pid);
      const d = await timedStream(
        `${directUrl}/v1/chat/completions`,
        { model: 'demo/vlm-demo', stream: true, ...question('long') },
        engineToken,
      );
      engineCpu += cpuMs(direct.pid) - engineBefore;
      tokensTotal += d.tokensSeen;
      directRuns.push({ ttftMs: d.ttftMs, tokens: d.tokensSeen, streamMs: d.streamMs });
      const appBefore = cpuMs(app.proc.pid);
      const a = await timedStream(`${app.url}/api/chat`, question('long'), appToken);
      appCpu += cpuMs(app.proc.pid) - appBefore;
      appRuns.push({ ttftMs: a.ttftMs, tokens: 0, streamMs: a.streamMs });
      appRuns[i] = { ...(appRuns[i] as Sample), tokens: d.tokensSeen };
    }
    // Tokens per second of the whole reply; the app coalesces tokens into fewer events, so count the engine's.
    const rate = (s: Sample[]) =>
      percentile(
        s.map((x) => x.tokens / (x.streamMs / 1000)),
        50,
      );
    const directRate = rate(directRuns);
    const appRate = rate(appRuns);
    const ttftDirect: number[] = [];
    const ttftApp: number[] = [];
    for (let i = 0; i < 20; i++) {
      ttftDirect.push(
        (
          await timedStream(
            `${directUrl}/v1/chat/completions`,
            { model: 'demo/vlm-demo', stream: true, ...question('short', 5) },
            engineToken,
          )
        ).ttftMs,
      );
      ttftApp.push((await timedStream(`${app.url}/api/chat`, question('short', 5), appToken)).ttftMs);
    }
    const added = percentile(ttftApp, 50) - percentile(ttftDirect, 50);
    const ratio = appRate / directRate;
    record([
      {
        scenario: 'chat proxy (20,000 tokens)',
        metric: 'tokens/s straight from the engine',
        value: Math.round(directRate).toLocaleString('en'),
        target: '',
        ok: null,
      },
      {
        scenario: 'chat proxy (20,000 tokens)',
        metric: 'tokens/s through /api/chat',
        value: Math.round(appRate).toLocaleString('en'),
        target: '',
        ok: null,
      },
      {
        scenario: 'chat proxy (20,000 tokens)',
        metric: 'throughput ratio',
        value: ratio.toFixed(2),
        target: '≥ 0.95',
        ok: ratio >= 0.95,
      },
      {
        scenario: 'chat proxy (20,000 tokens)',
        metric: 'CPU per token: engine / app process',
        value: `${((engineCpu * 1000) / tokensTotal).toFixed(1)} / ${((appCpu * 1000) / tokensTotal).toFixed(1)} µs`,
        target: '',
        ok: null,
      },
      {
        scenario: 'chat proxy (n=20)',
        metric: 'TTFT p50 straight / through',
        value: `${percentile(ttftDirect, 50).toFixed(1)} / ${percentile(ttftApp, 50).toFixed(1)} ms`,
        target: '',
        ok: null,
      },
      {
        scenario: 'chat proxy (n=20)',
        metric: 'added TTFT p50',
        value: `${added.toFixed(1)} ms`,
        target: '≤ 10 ms',
        ok: added <= 10,
      },
    ]);
  });
});
