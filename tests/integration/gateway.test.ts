// The OpenAI-compatible endpoint through the app, with the official `openai` client and the demo engine:
// models, chat (streamed and not, an image), usage per key, aborts reaching the engine, key scopes,
// revocation and expiry, rate limits, the path allow-list, the body cap, and OpenAI-shaped errors.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { ANONYMOUS, TEST_TOKEN } from '../helpers/auth';
import { abortedCount } from '../helpers/chat-api';
import { startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { createKey, listKeys, openaiClient, revokeKey } from '../helpers/gateway-api';
import { freePort, waitFor } from '../helpers/net';
import { makePng } from '../helpers/png';

let app: AppServer;
let enginePort = 0;
let model = '';

// Keys written into the data dir before the app starts: one expired, one still valid.
const EXPIRED_SECRET = `vlmc_${'e'.repeat(43)}`;
const VALID_SECRET = `vlmc_${'v'.repeat(43)}`;

function seedKeys(dir: string): void {
  const record = (id: string, secret: string, expiresAt: string) => ({
    id,
    name: id,
    scope: 'chat',
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt,
    lastUsedAt: null,
    requests: 0,
    tokens: 0,
    hash: createHash('sha256').update(secret).digest('hex'),
  });
  const keys = [
    record('00000000-0000-4000-8000-000000000001', EXPIRED_SECRET, '2026-01-02T00:00:00.000Z'),
    record('00000000-0000-4000-8000-000000000002', VALID_SECRET, '2999-01-01T00:00:00.000Z'),
  ];
  fs.writeFileSync(path.join(dir, 'api-keys.json'), JSON.stringify({ keys }));
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-console-gateway-'));
  seedKeys(dir);
  app = await startApp(
    {
      VLM_CONSOLE_KEY_MAX_REQUESTS: '5',
      VLM_CONSOLE_KEY_WINDOW_S: '3',
      VLM_CONSOLE_KEY_MAX_STREAMS: '2',
      VLM_CONSOLE_REQUEST_IMAGE_MAX_BYTES: '100000',
    },
    dir,
  );
});

afterAll(async () => {
  await stopEngine(app.url);
  await waitForState(app.url, ['stopped', 'crashed', 'failed'], 15_000);
  await app?.stop();
});

async function launch(): Promise<void> {
  enginePort = await freePort();
  await startEngine(app.url, {
    port: enginePort,
    extraArgs: [
      '--startup-seconds',
      '0.1',
      '--tokens-per-second',
      '150',
      '--thinking-tokens',
      '60',
      '--answer-tokens',
      '60',
    ],
  });
  const status = await waitForState(app.url, ['ready'], 20_000);
  model = status.model?.id ?? '';
}

const ask = (text: string) => [{ role: 'user' as const, content: text }];

describe('/v1 with no engine running', () => {
  it('answers 503 in the OpenAI error shape, which the SDK surfaces', async () => {
    const key = await createKey(app.url, 'early', 'chat');
    const res = await fetch(`${app.url}/v1/models`, { headers: { authorization: `Bearer ${key.key}` } });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ code: 'engine_not_ready', type: expect.any(String) });
    expect(String(body.error.message)).toMatch(/start an engine/i);
    const error = await openaiClient(app.url, key.key)
      .models.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(503);
  });
});

describe('/v1 with the demo engine', () => {
  beforeAll(launch, 30_000);

  it('lists the engine’s model and answers a non-streamed chat, thinking field unchanged, usage counted per key', async () => {
    const key = await createKey(app.url, 'laptop', 'chat');
    const client = openaiClient(app.url, key.key);
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual([model]);
    const reply = await client.chat.completions.create({ model, messages: ask('Is the lighthouse lit?') });
    const message = reply.choices[0]?.message as { content: string; reasoning?: string };
    expect(message.content).toContain('Is the lighthouse lit?');
    expect(message.reasoning?.length).toBeGreaterThan(20);
    const total = reply.usage?.total_tokens ?? 0;
    expect(total).toBeGreaterThan(0);
    const listed = (await listKeys(app.url)).find((k) => k.id === key.id);
    expect(listed).toMatchObject({ name: 'laptop', scope: 'chat', requests: 2, tokens: total });
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(await listKeys(app.url))).not.toContain(key.key);
  });

  it('streams a chat: reasoning then content, usage counted but not shown unless asked', async () => {
    const key = await createKey(app.url, 'stream', 'chat');
    const client = openaiClient(app.url, key.key);
    const stream = await client.chat.completions.create({
      model,
      messages: ask('stream please'),
      stream: true,
    });
    let reasoning = '';
    let content = '';
    let usageChunks = 0;
    for await (const chunk of stream) {
      if (chunk.usage) usageChunks++;
      const delta = chunk.choices[0]?.delta as { content?: string; reasoning?: string } | undefined;
      reasoning += delta?.reasoning ?? '';
      content += delta?.content ?? '';
    }
    expect(reasoning.length).toBeGreaterThan(20);
    expect(content).toContain('stream please');
    expect(usageChunks).toBe(0);
    const tokens = (await listKeys(app.url)).find((k) => k.id === key.id)?.tokens ?? 0;
    expect(tokens).toBeGreaterThan(60);

    const asked = await client.chat.completions.create({
      model,
      messages: ask('with usage'),
      stream: true,
      stream_options: { include_usage: true },
    });
    let usage: { total_tokens: number } | null | undefined = null;
    for await (const chunk of asked) usage = chunk.usage ?? usage;
    expect(usage?.total_tokens).toBeGreaterThan(60);
  });

  it('sends an image turn to the engine', async () => {
    const key = await createKey(app.url, 'images', 'chat');
    const png = makePng(64, 48).toString('base64');
    const reply = await openaiClient(app.url, key.key).chat.completions.create({
      model,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
          ],
        },
      ],
    });
    expect(reply.choices[0]?.message.content).toMatch(/Image 1: png, 64×48/);
  });

  it('aborts the engine request when the client disconnects mid-stream', async () => {
    const key = await createKey(app.url, 'abort', 'chat');
    const before = await abortedCount(enginePort);
    const stream = await openaiClient(app.url, key.key).chat.completions.create({
      model,
      messages: ask('I will leave early'),
      stream: true,
    });
    let chunks = 0;
    for await (const _chunk of stream) {
      if (++chunks === 3) break;
    }
    await waitFor(
      async () => (await abortedCount(enginePort)) === before + 1,
      5000,
      'the engine to count the abort',
    );
  });

  it('refuses a wrong, a revoked and an expired key with 401; a seeded valid key works', async () => {
    const expectStatus = async (key: string, status: number) => {
      const error = await openaiClient(app.url, key)
        .models.list()
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error === null ? 200 : (error as APIError).status).toBe(status);
    };
    await expectStatus('vlmc_not-a-real-key-not-a-real-key-not-a-real', 401);
    await expectStatus(EXPIRED_SECRET, 401);
    await expectStatus(VALID_SECRET, 200);
    const key = await createKey(app.url, 'short-lived', 'chat');
    await expectStatus(key.key, 200);
    expect(await revokeKey(app.url, key.id)).toBe(204);
    await expectStatus(key.key, 401);
    expect((await listKeys(app.url)).some((k) => k.id === key.id)).toBe(false);
  });

  it('ends a stream in progress within a second of revoking its key, and the engine stops', async () => {
    const key = await createKey(app.url, 'revoke-me', 'chat');
    const before = await abortedCount(enginePort);
    const stream = await openaiClient(app.url, key.key).chat.completions.create({
      model,
      messages: ask('a long one'),
      stream: true,
    });
    let revokedAt = 0;
    const failure = await (async () => {
      for await (const _chunk of stream) {
        if (revokedAt === 0) {
          revokedAt = performance.now();
          expect(await revokeKey(app.url, key.id)).toBe(204);
        }
      }
      return null;
    })().catch((e: unknown) => e);
    expect(performance.now() - revokedAt).toBeLessThan(1000);
    expect(failure).toBeInstanceOf(APIError);
    expect(String((failure as APIError).message)).toMatch(/revoked/);
    await waitFor(async () => (await abortedCount(enginePort)) === before + 1, 5000, 'the engine abort');
  });

  it('gives a chat key 403 on every console route, and no console page', async () => {
    const key = await createKey(app.url, 'chat-only', 'chat');
    const auth = { authorization: `Bearer ${key.key}`, 'Content-Type': 'application/json' };
    const calls: [string, string][] = [
      ['GET', '/api/engine'],
      ['POST', '/api/engine/start'],
      ['POST', '/api/engine/stop'],
      ['POST', '/api/engine/logs'],
      ['GET', '/api/engine/logs/download'],
      ['POST', '/api/engine/install'],
      ['GET', '/api/system'],
      ['GET', '/api/keys'],
      ['POST', '/api/keys'],
      ['GET', '/api/gateway'],
      ['POST', '/api/chat'],
    ];
    for (const [method, route] of calls) {
      const res = await fetch(`${app.url}${route}`, {
        method,
        headers: auth,
        body: method === 'POST' ? '{}' : undefined,
      });
      expect({ route, status: res.status }).toEqual({ route, status: 403 });
    }
    const page = await fetch(`${app.url}/`, { headers: auth, redirect: 'manual' });
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toContain('/sign-in');
    // The engine is still running: the stop above was refused.
    expect((await waitForState(app.url, ['ready'], 1000)).state).toBe('ready');
  });

  it('lets an admin key and the access token use both the console and /v1', async () => {
    const admin = await createKey(app.url, 'admin', 'admin');
    const res = await fetch(`${app.url}/api/engine`, { headers: { authorization: `Bearer ${admin.key}` } });
    expect(res.status).toBe(200);
    for (const secret of [admin.key, TEST_TOKEN]) {
      const models = await openaiClient(app.url, secret).models.list();
      expect(models.data[0]?.id).toBe(model);
    }
  });

  it('answers browser-based clients on other origins that send a key (CORS)', async () => {
    const key = await createKey(app.url, 'web-ui', 'chat');
    const origin = { Origin: 'https://webui.example', 'Sec-Fetch-Site': 'cross-site' };
    const pre = await fetch(`${app.url}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        ...origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    const res = await fetch(`${app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { ...origin, authorization: `Bearer ${key.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model, messages: ask('from a web page') }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(JSON.stringify(await res.json())).toContain('from a web page');
  });

  it('rate-limits a key (429 with Retry-After), other keys unaffected, then lets it in again', async () => {
    const key = await createKey(app.url, 'busy', 'chat');
    const other = await createKey(app.url, 'quiet', 'chat');
    const client = openaiClient(app.url, key.key);
    for (let i = 0; i < 5; i++) await client.models.list();
    const refused = await client.models.list().then(
      () => null,
      (e: unknown) => e,
    );
    expect((refused as APIError).status).toBe(429);
    expect(Number((refused as APIError).headers?.get('retry-after'))).toBeGreaterThan(0);
    expect((await openaiClient(app.url, other.key).models.list()).data).toHaveLength(1);
    await waitFor(
      () =>
        client.models.list().then(
          () => true,
          () => false,
        ),
      6000,
      'the window to pass',
    );
  });

  it('limits streams open at once per key', async () => {
    const key = await createKey(app.url, 'streams', 'chat');
    const client = openaiClient(app.url, key.key);
    const open = await Promise.all(
      [1, 2].map(() => client.chat.completions.create({ model, messages: ask('hold'), stream: true })),
    );
    const third = await client.chat.completions
      .create({ model, messages: ask('one too many'), stream: true })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((third as APIError).status).toBe(429);
    for (const stream of open) for await (const _ of stream);
    const after = await client.chat.completions.create({ model, messages: ask('now'), stream: true });
    for await (const _ of after);
  });

  it('serves only allow-listed paths: 404 in the OpenAI shape, nothing from the engine', async () => {
    const key = await createKey(app.url, 'paths', 'admin');
    for (const p of [
      '/v1/..%2Fmetrics',
      '/v1/models/..%2F..%2Fmetrics',
      '/v1/metrics',
      '/v1/invocations',
      '/v1/start_profile',
      '/v1/load',
    ]) {
      const res = await fetch(`${app.url}${p}`, { headers: { authorization: `Bearer ${key.key}` } });
      const text = await res.text();
      expect({ p, status: res.status }).toEqual({ p, status: 404 });
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'not_found', type: expect.any(String) } });
      expect(text).not.toContain('vllm:');
    }
    const wrongMethod = await fetch(`${app.url}/v1/chat/completions`, {
      headers: { authorization: `Bearer ${key.key}` },
    });
    expect(wrongMethod.status).toBe(405);
  });

  it('refuses anonymous callers and oversized bodies with OpenAI-shaped errors', async () => {
    const anonymous = await fetch(`${app.url}/v1/models`, { headers: ANONYMOUS });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
    const key = await createKey(app.url, 'big', 'chat');
    const huge = `data:image/png;base64,${'A'.repeat(9_000_000)}`;
    const error = await openaiClient(app.url, key.key)
      .chat.completions.create({
        model,
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: huge } }] }],
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((error as APIError).status).toBe(413);
  });

  it('shows the traffic in the console: callers with tokens, recent errors', async () => {
    const traffic = (await (await fetch(`${app.url}/api/gateway`)).json()) as {
      callers: { caller: string; tokens: number }[];
      errors: { status: number; path: string }[];
      running: unknown[];
    };
    expect(traffic.callers.find((c) => c.caller === 'laptop')?.tokens).toBeGreaterThan(0);
    expect(traffic.errors.some((e) => e.status === 429)).toBe(true);
    expect(traffic.running).toEqual([]);
  });
});
