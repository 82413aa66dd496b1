// Request bodies and streams that must not hold the app (issue 15): a body trickling in is cut at the
// deadline, a page takes no big body, large bodies share one memory budget, and a reattach to a reply the
// browser already has in full ends at once.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { postStream, userMessage } from '../helpers/chat-api';
import { startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';
import { rawRequest, settleAfter } from '../helpers/raw-http';

let app: AppServer;

beforeAll(async () => {
  app = await startApp({ VLM_CONSOLE_BODY_DEADLINE_S: '1', VLM_CONSOLE_BODY_BUFFER_MAX_BYTES: '3000000' });
});

afterAll(async () => {
  await stopEngine(app.url).catch(() => {});
  await waitForState(app.url, ['stopped', 'crashed', 'failed'], 15_000).catch(() => {});
  await app?.stop();
});

describe('slow and large bodies', () => {
  it('closes sign-in connections whose body trickles in, within the deadline', async () => {
    const slow = Array.from({ length: 5 }, () =>
      rawRequest(app.port, 'POST', '/api/auth/sign-in', {
        'Content-Type': 'application/json',
        'Content-Length': 200,
      }),
    );
    const drip = setInterval(() => {
      for (const r of slow) r.write('{');
    }, 200);
    try {
      // 200 bytes at 5 a second would take 40 s; the deadline is 1 s here.
      const closedAfter = await Promise.all(slow.map((r) => Promise.race([r.closed, settleAfter(8000, -1)])));
      for (const ms of closedAfter) {
        expect(ms).toBeGreaterThan(0);
        expect(ms).toBeLessThan(4000);
      }
    } finally {
      clearInterval(drip);
      for (const r of slow) r.socket.destroy();
    }
  });

  it('also cuts a body still trickling after the response was sent (an API route refused it)', async () => {
    const r = rawRequest(app.port, 'POST', '/api/chat', {
      'Content-Type': 'application/json',
      'Content-Length': 500,
    });
    const drip = setInterval(() => r.write(' '), 200);
    try {
      expect(await r.status).toBe(401);
      expect(await Promise.race([r.closed, settleAfter(8000, -1)])).toBeGreaterThan(0);
    } finally {
      clearInterval(drip);
      r.socket.destroy();
    }
  });

  it('refuses a 10 MB page POST at once, before its body, and memory does not grow with 30 of them', async () => {
    for (const path of ['/', '/sign-in']) {
      const r = rawRequest(app.port, 'POST', path, {
        'Content-Type': 'text/plain',
        'Content-Length': 10_000_000,
      });
      expect(await Promise.race([r.status, settleAfter(8000, -1)])).toBe(413);
      r.socket.destroy();
    }
    const rss = () =>
      Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${app.proc.pid}/status`, 'utf8'))?.[1]) * 1024;
    const before = rss();
    const body = Buffer.alloc(10_000_000, 0x61);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const r = rawRequest(app.port, 'POST', i % 2 ? '/' : '/sign-in', {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': body.length,
        });
        r.write(body);
        return Promise.race([r.closed, settleAfter(15_000, -1)]);
      }),
    );
    expect(rss() - before).toBeLessThan(100_000_000);
  });

  it('refuses a chat body over its cap from Content-Length alone, before reading it', async () => {
    const r = rawRequest(
      app.port,
      'POST',
      '/api/chat',
      { 'Content-Type': 'application/json', 'Content-Length': 500_000_000 },
      { bearer: true },
    );
    expect(await Promise.race([r.status, settleAfter(8000, -1)])).toBe(413);
    r.socket.destroy();
  });

  // Retried: under a loaded run the holder's first bytes have been seen to reach the app after the polling
  // gave up (a timing flake of the test, not of the budget, which the unit tests in body-budget.test.ts pin).
  it('answers 429 while large bodies already fill the budget, and takes them again once it frees', {
    retry: 2,
  }, async () => {
    // One 2.5 MB body arrives slowly and holds its share of the 3 MB budget.
    const holder = rawRequest(
      app.port,
      'POST',
      '/api/chat',
      { 'Content-Type': 'application/json', 'Content-Length': 2_500_000 },
      { bearer: true },
    );
    holder.write('{"messages":"');
    const big = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(2_000_000) }] });
    const post = () =>
      fetch(`${app.url}/api/chat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: big,
      });
    const seen: number[] = [];
    onTestFinished(() => {
      holder.socket.destroy();
    });
    const refused = await waitFor(
      async () => {
        const res = await post();
        seen.push(res.status);
        return res.status === 429 ? res : null;
      },
      10_000,
      'a 429 for the second large body',
    ).catch((error) => {
      throw new Error(`${error} (saw ${seen.join(', ')})`);
    });
    expect((await refused.json()).error.message).toMatch(/Too many large request bodies/);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // Small bodies never wait behind big ones.
    expect((await fetch(`${app.url}/api/engine/stop`, { method: 'POST' })).status).not.toBe(429);
    holder.socket.destroy();
    await waitFor(async () => (await post()).status !== 429, 10_000, 'the budget to free');
  });
});

describe('reattaching to a finished reply', () => {
  it('ends at once when the browser already has the done event', async () => {
    const enginePort = await freePort();
    expect(
      (
        await startEngine(app.url, {
          port: enginePort,
          extraArgs: ['--startup-seconds', '0.1', '--tokens-per-second', '0'],
        })
      ).status,
    ).toBe(202);
    await waitForState(app.url, ['ready'], 20_000);
    const first = await postStream(`${app.url}/api/chat`, userMessage('hello'));
    await first.done;
    const done = first.events.at(-1);
    const generation = first.events[0]?.event;
    expect(done?.event.type).toBe('done');
    if (generation?.type !== 'generation' || !done) throw new Error('no generation');
    const again = await postStream(
      `${app.url}/api/chat/${generation.id}/stream`,
      {},
      { 'Last-Event-ID': String(done.index) },
    );
    expect(again.status).toBe(200);
    expect(await Promise.race([again.done.then(() => 'ended'), settleAfter(5000, 'still open')])).toBe(
      'ended',
    );
    again.abort();
    expect(again.events).toEqual([]);
    // One before the end still gets the done event, and ends too.
    const last = await postStream(
      `${app.url}/api/chat/${generation.id}/stream`,
      {},
      { 'Last-Event-ID': String(done.index - 1) },
    );
    expect(await Promise.race([last.done.then(() => 'ended'), settleAfter(5000, 'still open')])).toBe(
      'ended',
    );
    expect(last.events.map((e) => e.event.type)).toEqual(['done']);
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 15_000);
  });
});
