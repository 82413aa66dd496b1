// Every failure the demo engine can act out (in vLLM's own words) ends with the matching diagnosis in the
// status, quoting a line the log really has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAUNCH_FAILURE_CATEGORIES } from '@/lib/diagnosis/types';
import { type AppServer, startApp } from '../helpers/app-server';
import { openSse, startEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';

const KINDS = LAUNCH_FAILURE_CATEGORIES;

let app: AppServer;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

describe('launch diagnosis', () => {
  it.each(KINDS)('--fail %s → that category, quoting its log line', async (kind) => {
    const client = openSse(`${app.url}/api/engine/logs`, { method: 'POST' });
    await waitFor(() => client.messages.length > 0, 5000, 'stream open');
    await startEngine(app.url, {
      port: await freePort(),
      extraArgs: ['--startup-seconds', '0.2', '--fail', kind],
    });
    const ended = await waitForState(app.url, ['crashed', 'failed'], 20_000);
    client.close();
    expect(ended.diagnosis?.category).toBe(kind);
    const seq = ended.diagnosis?.line.seq;
    const quoted = client.messages
      .filter((m) => m.event === 'log')
      .map((m) => JSON.parse(m.data) as { seq: number; text: string })
      .find((l) => l.seq === seq);
    expect(quoted?.text).toContain(ended.diagnosis?.line.text.slice(0, 40));
  });

  it('carries the context length that fits when the KV cache is too small', async () => {
    await startEngine(app.url, {
      port: await freePort(),
      maxModelLen: 65536,
      extraArgs: ['--startup-seconds', '0.2', '--fail', 'kv_cache_too_small'],
    });
    const ended = await waitForState(app.url, ['crashed'], 20_000);
    const fits = Number(
      /estimated maximum model length is (\d+)/.exec(ended.diagnosis?.line.text ?? '')?.[1],
    );
    expect(fits).toBeGreaterThan(0);
    expect(ended.diagnosis?.patch?.options).toEqual({ maxModelLen: fits });
  });

  it('a healthy launch has no diagnosis', async () => {
    await startEngine(app.url, { port: await freePort(), extraArgs: ['--startup-seconds', '0.2'] });
    const ready = await waitForState(app.url, ['ready'], 20_000);
    expect(ready.diagnosis).toBeNull();
    await fetch(`${app.url}/api/engine/stop`, { method: 'POST' });
    await waitForState(app.url, ['stopped'], 15_000);
  });
});
