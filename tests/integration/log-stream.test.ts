// The log stream: buffered lines first, then live ones and status events; a reconnect resumes exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { openSse, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';

let app: AppServer;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await stopEngine(app.url);
  await waitForState(app.url, ['stopped', 'crashed', 'failed'], 15_000);
  await app.stop();
});

const seqsOf = (messages: { event?: string; data: string }[]) =>
  messages.filter((m) => m.event === 'log').map((m) => (JSON.parse(m.data) as { seq: number }).seq);

describe('GET/POST /api/engine/logs', () => {
  it('streams the startup log live with status changes up to ready, as proxies need it', async () => {
    const res = await fetch(`${app.url}/api/engine/logs`, { method: 'POST' });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    await res.body?.cancel();

    const client = openSse(`${app.url}/api/engine/logs`, { method: 'POST' });
    await startEngine(app.url, { port: await freePort(), extraArgs: ['--startup-seconds', '1'] });
    await waitFor(
      () => client.messages.some((m) => m.event === 'status' && JSON.parse(m.data).state === 'ready'),
      20_000,
      'ready status event',
    );
    client.close();
    const texts = client.messages
      .filter((m) => m.event === 'log')
      .map((m) => JSON.parse(m.data).text as string);
    expect(texts.some((t) => t.includes('Loading safetensors checkpoint shards'))).toBe(true);
    expect(texts.some((t) => t.includes('Application startup complete'))).toBe(true);
    const states = client.messages.filter((m) => m.event === 'status').map((m) => JSON.parse(m.data).state);
    expect(states).toContain('starting');
    expect(states.at(-1)).toBe('ready');
    const stages = client.messages
      .filter((m) => m.event === 'status')
      .map((m) => JSON.parse(m.data).stage?.name)
      .filter(Boolean);
    expect(stages).toContain('loading weights');
    // Log lines carry their seq as the SSE id, in order.
    const seqs = seqsOf(client.messages);
    expect(seqs.length).toBeGreaterThan(10);
    const ids = client.messages.filter((m) => m.event === 'log' && m.id).map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('resumes after Last-Event-ID with no gap and no duplicate', async () => {
    const full = openSse(`${app.url}/api/engine/logs`, { method: 'POST' });
    await waitFor(() => seqsOf(full.messages).length > 20, 5000, 'the buffered lines');
    full.close();
    const all = [...new Set(seqsOf(full.messages))];
    const cut = all[Math.floor(all.length / 2)] ?? 0;

    const resumed = openSse(`${app.url}/api/engine/logs`, {
      method: 'POST',
      headers: { 'Last-Event-ID': String(cut) },
    });
    const expected = all.filter((s) => s > cut);
    await waitFor(() => seqsOf(resumed.messages).length >= expected.length, 5000, 'the resumed lines');
    resumed.close();
    const got = seqsOf(resumed.messages).filter((s) => s <= (all.at(-1) ?? 0));
    expect(got).toEqual(expected);

    const viaQuery = openSse(`${app.url}/api/engine/logs?since=${cut}`);
    await waitFor(() => seqsOf(viaQuery.messages).length >= expected.length, 5000, 'the lines after since');
    viaQuery.close();
    expect(seqsOf(viaQuery.messages).filter((s) => s <= (all.at(-1) ?? 0))).toEqual(expected);
  });

  it('downloads the launch log as text', async () => {
    const res = await fetch(`${app.url}/api/engine/logs/download`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="engine-.*\.log"/);
    const text = await res.text();
    expect(text).toContain('Application startup complete');
    // The redrawn progress bar is one line per bar on disk too, not one per redraw.
    const bars = text.split('\n').filter((l) => l.includes('Capturing CUDA graphs'));
    expect(bars.length).toBeLessThanOrEqual(3);
  });

  it('answers GET /api/engine/health with a fresh probe', async () => {
    const res = await fetch(`${app.url}/api/engine/health`);
    const body = (await res.json()) as { state: string; health: { ok: boolean; httpStatus: number } };
    expect(body.state).toBe('ready');
    expect(body.health.ok).toBe(true);
    expect(body.health.httpStatus).toBe(200);
  });
});
