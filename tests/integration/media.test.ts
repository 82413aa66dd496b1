// Video clips through the app: a clip in a chat message reaches the engine as a `video_url` part (inlined
// from a data URL or from an upload), only for profiles whose model takes video; over the cap is a 413.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { postStream, textOf } from '../helpers/chat-api';
import { startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort } from '../helpers/net';

const MP4 = readFileSync('tests/fixtures/media/clip-320x240.mp4');
const CAP = 20_000;
// Still a valid MP4 (a `free` box is skipped by every reader), but over the cap.
const BIG_MP4 = Buffer.concat([
  MP4,
  Buffer.from([0, 0, 0x27, 0x18]),
  Buffer.from('free'),
  Buffer.alloc(0x2718 - 8),
]);
const dataUrl = (b: Buffer) => `data:video/mp4;base64,${b.toString('base64')}`;

let app: AppServer;

beforeAll(async () => {
  app = await startApp({ VLM_CONSOLE_VIDEO_MAX_BYTES: String(CAP) });
});

afterAll(async () => {
  await app?.stop();
});

const chat = (content: unknown[]) =>
  postStream(`${app.url}/api/chat`, { messages: [{ role: 'user', content }] });
const withClip = (part: unknown) => [{ type: 'text', text: 'What happens in this clip?' }, part];

describe('video clips on a model that takes them (the demo profile)', () => {
  beforeAll(async () => {
    await startEngine(app.url, {
      port: await freePort(),
      extraArgs: ['--startup-seconds', '0.1', '--tokens-per-second', '0'],
    });
    await waitForState(app.url, ['ready'], 20_000);
  });
  afterAll(async () => {
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 15_000);
  });

  it('sends a 320×240 MP4 as a video_url part: the engine reports MP4 and 320×240', async () => {
    const stream = await chat(withClip({ type: 'video_url', video_url: { url: dataUrl(MP4) } }));
    expect(stream.status).toBe(200);
    await stream.done;
    expect(textOf(stream.events, 'content')).toContain(
      `Video 1: mp4, 320×240, 2.0 s, ${MP4.length.toLocaleString('en-US')} bytes`,
    );
  });

  it('inlines an uploaded clip referred to by key', async () => {
    const res = await fetch(`${app.url}/api/videos`, { method: 'POST', body: new Uint8Array(MP4) });
    expect(res.status).toBe(201);
    const stored = await res.json();
    expect(stored).toMatchObject({ container: 'mp4', width: 320, height: 240, bytes: MP4.length });
    const stream = await chat(withClip({ type: 'video_ref', sha256: stored.key }));
    await stream.done;
    expect(textOf(stream.events, 'content')).toContain('Video 1: mp4, 320×240');
  });

  it('answers 413 for a clip over the cap, sent inline or uploaded', async () => {
    const inline = await chat(withClip({ type: 'video_url', video_url: { url: dataUrl(BIG_MP4) } }));
    expect(inline.status).toBe(413);
    expect(inline.body).toMatchObject({ error: { code: 'payload_too_large' } });
    expect((inline.body as { error: { hint: string } }).error.hint).toMatch(/VLM_CONSOLE_VIDEO_MAX_BYTES/);
    const upload = await fetch(`${app.url}/api/videos`, { method: 'POST', body: new Uint8Array(BIG_MP4) });
    expect(upload.status).toBe(413);
  });

  it('refuses what only claims to be a clip', async () => {
    const fake = Buffer.from('not a video at all, just text');
    const stream = await chat(withClip({ type: 'video_url', video_url: { url: dataUrl(fake) } }));
    expect(stream.status).toBe(415);
  });
});

describe('a clip for a model without video (the external profile)', () => {
  let upstream: http.Server;
  let chatRequests = 0;
  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      if (req.url === '/v1/chat/completions') chatRequests += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'some/text-model', object: 'model' }] }));
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const { port } = upstream.address() as AddressInfo;
    await startEngine(app.url, { baseUrl: `http://127.0.0.1:${port}/v1` }, 'external');
    await waitForState(app.url, ['ready'], 10_000);
  });
  afterAll(async () => {
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 15_000);
    upstream?.close();
  });

  it('is refused with a 4xx that says the model takes no video, before the engine sees it', async () => {
    const stream = await chat(withClip({ type: 'video_url', video_url: { url: dataUrl(MP4) } }));
    expect(stream.status).toBe(415);
    expect(stream.body).toMatchObject({
      error: { code: 'unsupported_media_type', message: expect.stringMatching(/does not take video clips/) },
    });
    expect(chatRequests).toBe(0);
  });
});
