// The gateway in front of an OpenAI-compatible server the app attached to (the external profile), whose
// base URL has a path of its own: requests land under that path, with the server's key, never the caller's.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { createKey, openaiClient } from '../helpers/gateway-api';

let app: AppServer;
let upstream: http.Server;
const seen: { url: string; authorization: string }[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seen.push({ url: String(req.url), authorization: String(req.headers.authorization ?? '') });
    if (req.url === '/team/v1/models') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'team/model', object: 'model' }] }));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ detail: 'Not Found' }));
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  app = await startApp();
  const { port } = upstream.address() as AddressInfo;
  await startEngine(
    app.url,
    { baseUrl: `http://127.0.0.1:${port}/team/v1`, apiKey: 'remote-key' },
    'external',
  );
  await waitForState(app.url, ['ready'], 10_000);
});

afterAll(async () => {
  await stopEngine(app?.url);
  await app?.stop();
  upstream?.close();
});

describe('the gateway with the external profile', () => {
  it('forwards under the server’s own path with its key, never the caller’s', async () => {
    const key = await createKey(app.url, 'remote', 'chat');
    seen.length = 0;
    const models = await openaiClient(app.url, key.key).models.list();
    expect(models.data.map((m) => m.id)).toEqual(['team/model']);
    expect(seen).toEqual([{ url: '/team/v1/models', authorization: 'Bearer remote-key' }]);
  });
});
