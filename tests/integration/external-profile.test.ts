// Attaching to a server that already runs: nothing is launched; readiness, the model and health come from it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { getStatus, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { waitFor } from '../helpers/net';

let app: AppServer;
let upstream: http.Server;
let answer = 200;
const seenKeys: string[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seenKeys.push(String(req.headers.authorization ?? ''));
    if (req.url === '/v1/models' && answer === 200) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          data: [{ id: 'big/cluster-model', object: 'model', max_model_len: 131072 }],
        }),
      );
      return;
    }
    res.writeHead(answer === 200 ? 404 : answer);
    res.end();
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  app = await startApp({ VLM_CONSOLE_HEALTH_INTERVAL_S: '0.2' });
});

afterAll(async () => {
  await app?.stop();
  upstream?.close();
});

describe('the external profile', () => {
  it('becomes ready from the remote /v1/models, sends its key, and reports 503 as unhealthy', async () => {
    const { port } = upstream.address() as AddressInfo;
    const res = await startEngine(
      app.url,
      { baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: 'remote-key' },
      'external',
    );
    expect(res.status).toBe(202);
    expect(res.body.options).toMatchObject({ apiKey: '***' });
    const ready = await waitForState(app.url, ['ready'], 10_000);
    expect(ready.model).toEqual({ id: 'big/cluster-model', maxModelLen: 131072 });
    expect(ready.pid).toBeNull();
    expect(seenKeys).toContain('Bearer remote-key');

    answer = 503;
    const unhealthy = await waitFor(
      async () => {
        const status = await getStatus(app.url);
        return status.health?.ok === false ? status : null;
      },
      5000,
      'unhealthy after a 503',
    );
    expect(unhealthy.health?.httpStatus).toBe(503);
    expect(unhealthy.state).toBe('ready');

    answer = 200;
    const health = await (await fetch(`${app.url}/api/engine/health`)).json();
    expect(health.health.ok).toBe(true);

    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 5000);
  });
});
