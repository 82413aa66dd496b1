// Images on the server: uploaded once by content hash, checked by their bytes, referred to by key in chat,
// inlined for the engine; missing keys, wrong types, oversize and too many images get clear answers.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { postStream, textOf } from '../helpers/chat-api';
import { startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort } from '../helpers/net';
import { makePng, pngDataUrl } from '../helpers/png';

let app: AppServer;

beforeAll(async () => {
  app = await startApp({ VLM_CONSOLE_IMAGE_MAX_BYTES: '300000' });
  await startEngine(app.url, {
    port: await freePort(),
    imagesPerPrompt: 4,
    extraArgs: ['--startup-seconds', '0.1', '--tokens-per-second', '0'],
  });
  await waitForState(app.url, ['ready'], 20_000);
});

afterAll(async () => {
  await stopEngine(app.url);
  await waitForState(app.url, ['stopped'], 15_000);
  await app?.stop();
});

const upload = (body: Buffer, type = 'image/png') =>
  fetch(`${app.url}/api/images`, {
    method: 'POST',
    headers: { 'Content-Type': type },
    body: new Uint8Array(body),
  });

const chat = (content: unknown[], history: unknown[] = []) =>
  postStream(`${app.url}/api/chat`, { messages: [...history, { role: 'user', content }] });

describe('POST /api/images', () => {
  it('stores an image under the SHA-256 of its bytes, once', async () => {
    const png = makePng(640, 480);
    const first = await upload(png);
    expect(first.status).toBe(201);
    const stored = await first.json();
    expect(stored).toEqual({
      key: createHash('sha256').update(png).digest('hex'),
      type: 'png',
      width: 640,
      height: 480,
      bytes: png.length,
    });
    expect((await (await upload(png)).json()).key).toBe(stored.key);
  });

  it.each([
    [
      'a HEIC photo',
      Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic')]),
      /HEIC/,
    ],
    ['a text file sent as image/jpeg', Buffer.from('just some text, not a picture\n'), /text/],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj\n'), /PDF/],
  ])('refuses %s by its content, saying why', async (_name, body, reason) => {
    const res = await upload(body, 'image/jpeg');
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(reason);
  });

  it('refuses an image over the size cap with 413', async () => {
    const res = await upload(Buffer.concat([makePng(64, 64), Buffer.alloc(400_000, 1)]));
    expect(res.status).toBe(413);
  });
});

describe('images in chat', () => {
  it('inlines an uploaded image by key: the engine describes what arrived', async () => {
    const png = makePng(800, 600);
    const { key } = await (await upload(png)).json();
    const res = await chat([
      { type: 'text', text: 'What is this?' },
      { type: 'image_ref', sha256: key },
    ]);
    expect(res.status).toBe(200);
    await res.done;
    expect(textOf(res.events, 'content')).toContain(`png, 800×600, ${png.length.toLocaleString('en')} bytes`);
  });

  it('names the keys the server no longer has, so the browser can upload them again', async () => {
    const key = 'a'.repeat(64);
    const res = await chat([
      { type: 'text', text: 'x' },
      { type: 'image_ref', sha256: key },
    ]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'images_missing', details: { missing: [key] } } });
  });

  it('refuses a data URL whose bytes are not the type it claims', async () => {
    const png = makePng(10, 10);
    const res = await chat([
      { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${png.toString('base64')}` } },
    ]);
    expect(res.status).toBe(415);
    expect(JSON.stringify(res.body)).toMatch(
      /Image 1 of message 1 says it is image\/jpeg but its bytes are a PNG/,
    );
  });

  it('refuses more images in one message than the model takes, naming the message', async () => {
    const image = { type: 'image_url', image_url: { url: pngDataUrl(makePng(16, 16)) } };
    const res = await chat([image, image, image, image, image]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(
      /messages\.0: this message has 5 images; the running model takes at most 4/,
    );
  });

  it('keeps a long conversation within the per-request limit by not resending the oldest images', async () => {
    const image = (n: number) => ({ type: 'image_url', image_url: { url: pngDataUrl(makePng(20 + n, 20)) } });
    const history = [
      { role: 'user', content: [{ type: 'text', text: 'first' }, image(1), image(2)] },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: [{ type: 'text', text: 'second' }, image(3), image(4)] },
      { role: 'assistant', content: 'ok' },
    ];
    const res = await chat([{ type: 'text', text: 'third' }, image(5), image(6)], history);
    expect(res.status).toBe(200);
    await res.done;
    const answer = textOf(res.events, 'content');
    // The four newest images arrive (23–26 px wide); the two oldest are replaced by a note.
    expect(answer).toContain('Image 1: png, 23×20');
    expect(answer).toContain('Image 4: png, 26×20');
    expect(answer).not.toContain('Image 5:');
    expect(answer).not.toContain('21×20');
  });
});
