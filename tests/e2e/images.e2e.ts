// A person shows the model pictures: dropped, pasted or picked, checked by their content, prepared in the
// browser (upright, downscaled, re-encoded), uploaded once and referred to by key. The demo engine's answer
// states what arrived (format, size, bytes), so each test checks the bytes the app chose to send.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resizeLimitsFor } from '@/lib/client/image-prepare';
import type { ImageLimits } from '@/lib/engine/profiles';
import { planResize } from '@/lib/images/resize-plan';
import { SCREENSHOT_DIR } from '../helpers/browser';
import { makePng } from '../helpers/png';
import { ChatImages, demoImageLine, type FileSpec } from '../pages/chat-images';
import { ChatSession } from '../pages/chat-session';

const session = new ChatSession();
let demoImages: ImageLimits;

beforeAll(async () => {
  await session.start();
  const catalog = (await (await fetch(`${session.app.url}/api/profiles`)).json()) as {
    profiles: { id: string; images: ImageLimits }[];
  };
  const demo = catalog.profiles.find((p) => p.id === 'demo');
  if (!demo) throw new Error('no demo profile');
  demoImages = demo.images;
  await session.runEngine(0, 8, 8);
}, 60_000);
afterAll(() => session.close());

const png = (name: string, width: number, height: number): FileSpec => ({
  name,
  kind: 'bytes',
  base64: makePng(width, height).toString('base64'),
  mime: 'image/png',
});
const jpeg = (name: string, width: number, height: number, extra: Partial<FileSpec> = {}): FileSpec =>
  ({ name, kind: 'canvas', type: 'image/jpeg', width, height, quality: 0.9, ...extra }) as FileSpec;

async function openReady(options: Parameters<ChatSession['open']>[0] = {}, initScript?: () => void) {
  const opened = await session.open(options, initScript);
  await opened.chat.waitForEngine('ready');
  return { ...opened, images: new ChatImages(opened.page) };
}

/** Sends the text with what is attached and waits for the reply to finish. */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, animations: 'disabled' });

describe('attaching and sending images', () => {
  it('drops two, pastes one, removes one, sends: the answer names what the app chose; a reload shows them', async () => {
    const { page, chat, images } = await openReady();
    let workers = 0;
    page.on('worker', () => workers++);
    await images.drop([png('diagram.png', 640, 480), jpeg('holiday.jpg', 1600, 1200)]);
    await images.paste([{ name: 'image.png', kind: 'canvas', type: 'image/png', width: 300, height: 200 }]);
    await images.waitForReady(3);
    expect(
      await images.attachments().evaluateAll((all) => all.map((a) => a.getAttribute('data-name'))),
    ).toEqual(['diagram.png', 'holiday.jpg', 'image.png']);

    // Each card tells what was dropped and what will be sent.
    const photoCard = images.attachments().nth(1);
    const limits = resizeLimitsFor(demoImages, 'fast');
    const planned = planResize(1600, 1200, limits);
    expect(await photoCard.getByTestId('attachment-source').textContent()).toMatch(/^1600×1200 · /);
    expect(await photoCard.getByTestId('attachment-sent').textContent()).toContain(
      `${planned.width}×${planned.height}`,
    );
    expect(await photoCard.getByTestId('attachment-tokens').textContent()).toBe(
      `≈${((planned.width / 28) * (planned.height / 28)).toLocaleString('en-US')} tok`,
    );
    await chat.composer().fill('What do these show?');
    await shot(page, 'images-composer-light');

    await images.attachments().first().getByTestId('remove-attachment').click();
    await images.waitForReady(2);
    const photo = await images.sent(images.attachments().nth(0));
    const pasted = await images.sent(images.attachments().nth(1));
    expect(photo).toMatchObject({ type: 'jpeg', width: planned.width, height: planned.height });
    // The screenshot is within the cap, so it only snaps to whole 28-pixel patches.
    expect(pasted).toMatchObject({ width: 280, height: 196 });
    expect(['png', 'jpeg']).toContain(pasted.type);
    // Prepared off the main thread.
    expect(workers).toBeGreaterThan(0);

    const answer = await chat.answer('What do these show?');
    expect(answer).toContain(demoImageLine(1, photo));
    expect(answer).toContain(demoImageLine(2, pasted));
    expect(answer).not.toContain('Image 3');
    expect(await images.attachments().count()).toBe(0);
    await page.locator('[data-testid="message-image"][data-state="ready"]').nth(1).waitFor();

    await page.reload();
    await chat.composer().waitFor();
    // Rows off screen are not laid out (content-visibility), so wait for the images in the DOM, not on screen.
    await page
      .locator('[data-testid="message-image"][data-state="ready"]')
      .nth(1)
      .waitFor({ state: 'attached' });
    await page.getByTestId('message-images').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const all = [...document.querySelectorAll<HTMLImageElement>('[data-testid="message-image"] img')];
      return all.length === 2 && all.every((img) => img.complete && img.naturalWidth > 0);
    });
    const loaded = await images
      .messageImages()
      .locator('img')
      .evaluateAll((all) => all.map((img) => (img as HTMLImageElement).naturalWidth));
    expect(loaded).toEqual([photo.width, pasted.width]);

    // The pictures live in IndexedDB as Blobs, and go with their conversation.
    const storedImages = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('vlm-console');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const all = open.result.transaction('images').objectStore('images').getAll();
              all.onsuccess = () => {
                resolve(
                  all.result.map((row: { blob: unknown }) =>
                    row.blob instanceof Blob ? row.blob.type : '?',
                  ),
                );
                open.result.close();
              };
            };
          }),
      );
    expect((await storedImages()).sort()).toEqual([`image/${pasted.type}`, 'image/jpeg'].sort());
    await chat.conversations().first().hover();
    await page.getByTestId('delete-conversation').click();
    await page.getByTestId('confirm-delete').click();
    await chat.conversations().first().waitFor({ state: 'detached' });
    expect(await storedImages()).toEqual([]);
  });

  it('refuses a HEIC photo and a text file by their content, naming them, and keeps to the image limit', async () => {
    const { page, images } = await openReady();
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic\0\0\0\0mif1heic'),
      Buffer.alloc(64),
    ]);
    await images.drop([
      { name: 'IMG_0420.HEIC', kind: 'bytes', base64: heic.toString('base64'), mime: 'image/heic' },
      {
        name: 'notes.png',
        kind: 'bytes',
        base64: Buffer.from('just some notes\n').toString('base64'),
        mime: 'image/png',
      },
    ]);
    const notice = page.getByTestId('image-refused');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('“IMG_0420.HEIC” was not added: it is a HEIC/HEIF photo');
    expect(text).toContain('“notes.png” was not added: it is text, not an image');
    expect(await images.attachments().count()).toBe(0);

    // The demo engine runs with 4 images per prompt: a fifth is refused by name.
    await images.drop([1, 2, 3, 4, 5].map((n) => png(`shot-${n}.png`, 60 + n, 40)));
    await page.getByTestId('image-refused').filter({ hasText: 'at most 4 images' }).waitFor();
    expect(await page.getByTestId('image-refused').textContent()).toContain('“shot-5.png”');
    await images.waitForReady(4);
  });

  it('shows a failed upload on its card, refuses to send without it, and tries again on request', async () => {
    const { page, chat, images } = await openReady();
    await page.route('**/api/images', (route) => route.abort('connectionfailed'));
    await images.drop([png('flaky.png', 200, 150)]);
    const card = images.attachments().first();
    await page.locator('[data-testid="attachment"][data-status="failed"]').waitFor();
    expect(await card.getByTestId('attachment-error').textContent()).toMatch(/upload failed/i);
    await chat.send('Is it there?');
    await page.getByTestId('send-error').filter({ hasText: '“flaky.png” cannot be sent' }).waitFor();
    expect(await chat.messages().count()).toBe(0);

    await page.unroute('**/api/images');
    await card.getByTestId('retry-attachment').click();
    await images.waitForReady(1);
    const sent = await images.sent(card);
    expect(await chat.answer('Is it there now?')).toContain(demoImageLine(1, sent));
  });

  it('prepares images on the main thread where a browser has no OffscreenCanvas', async () => {
    const { page, images } = await openReady({}, () => {
      delete (window as { OffscreenCanvas?: unknown }).OffscreenCanvas;
    });
    let workers = 0;
    page.on('worker', () => workers++);
    await images.drop([png('old-browser.png', 900, 700)]);
    await images.waitForReady(1);
    const plan = planResize(900, 700, resizeLimitsFor(demoImages, 'fast'));
    expect(await images.sent(images.attachments().first())).toMatchObject({
      width: plan.width,
      height: plan.height,
    });
    expect(workers).toBe(0);
  });

  it('picks an image with the paperclip button', async () => {
    const { page, images } = await openReady();
    const button = page.getByRole('button', { name: 'Attach images' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: 'picked.png', mimeType: 'image/png', buffer: makePng(320, 240) });
    await images.waitForReady(1);
    expect(await images.attachments().first().getAttribute('data-name')).toBe('picked.png');
  });

  it('downscales a 4000×3000 photo to the cap, and sends more detail with "send original"', async () => {
    const { chat, images } = await openReady();
    await images.drop([jpeg('phone-photo.jpg', 4000, 3000, { noise: 40, quality: 0.85 })]);
    await images.waitForReady(1);
    const fast = await images.sent(images.attachments().first());
    const answer = await chat.answer('Describe the photo');
    const match = /Image 1: jpeg, (\d+)×(\d+), ([\d,]+) bytes/.exec(answer);
    expect(match).not.toBeNull();
    const [w, h] = [Number(match?.[1]), Number(match?.[2])];
    expect(w * h).toBeLessThanOrEqual(1_500_000);
    expect(w * h).toBeGreaterThan(1_300_000);
    expect(w % 28).toBe(0);
    expect(h % 28).toBe(0);
    expect(w / h).toBeCloseTo(4 / 3, 1);
    expect(answer).toContain(demoImageLine(1, fast));

    await images.drop([jpeg('fine-print.jpg', 4000, 3000, { noise: 10 })]);
    await images.waitForReady(1);
    await images.attachments().first().getByTestId('send-original').check();
    await images.waitForReady(1);
    const original = await images.sent(images.attachments().first());
    // Up to the model's own limit (ERNIE-VL ~4.8 MP), not the fast default.
    expect(original.width * original.height).toBeGreaterThan(1_500_000);
    expect(original.width * original.height).toBeLessThanOrEqual(demoImages.maxPixels);
    expect(await chat.answer('Read the fine print')).toContain(demoImageLine(2, original));
  });

  it('turns a photo taken sideways upright (EXIF orientation)', async () => {
    const { chat, images } = await openReady();
    // Stored 400×300 landscape, to be shown rotated 90°: the model must see 300×400 portrait.
    await images.drop([jpeg('sideways.jpg', 400, 300, { orientation: 6 })]);
    await images.waitForReady(1);
    const sent = await images.sent(images.attachments().first());
    const plan = planResize(300, 400, resizeLimitsFor(demoImages, 'fast'));
    expect(sent).toMatchObject({ width: plan.width, height: plan.height });
    expect(await chat.answer('Which way up?')).toContain(demoImageLine(1, sent));
  });

  it('sends each image once; re-uploads what the server lost (restart, eviction) without the person noticing', async () => {
    const { page, chat, images } = await openReady();
    await images.drop([png('chart.png', 500, 400)]);
    await images.waitForReady(1);
    const sent = await images.sent(images.attachments().first());
    expect(await chat.answer('First look')).toContain(demoImageLine(1, sent));

    const uploads: string[] = [];
    const chatBodies: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/images') && r.method() === 'POST') uploads.push(r.url());
      if (r.url().endsWith('/api/chat') && r.method() === 'POST') chatBodies.push(r.postData() ?? '');
    });
    // A later turn names the image by its key: no upload, no image bytes in the request.
    expect(await chat.answer('Look again')).toContain(demoImageLine(1, sent));
    expect(uploads).toHaveLength(0);
    expect(chatBodies[0]).toMatch(/"type":"image_ref","sha256":"[0-9a-f]{64}"/);
    expect(chatBodies[0]).not.toContain('data:image');
    expect(chatBodies[0]?.length ?? 0).toBeLessThan(2000);

    // The server loses its copy: the next turn still succeeds, after one re-upload from IndexedDB.
    const dir = path.join(session.app.dataDir, 'images');
    for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name));
    const third = await chat.answer('And again, closer');
    expect(third).toContain(demoImageLine(1, sent));
    expect(uploads).toHaveLength(1);
    expect(chatBodies).toHaveLength(3);
    expect(await page.getByTestId('send-error').count()).toBe(0);
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });
});

describe('how it looks', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`shows the drop target, the thumbnails and the lightbox (${scheme})`, async () => {
      const { page, chat, images } = await openReady({ colorScheme: scheme });
      await images.dragOver([png('screenshot.png', 800, 500)]);
      await page.getByTestId('drop-overlay').waitFor();
      await shot(page, `images-drop-${scheme}`);
      await images.dragAway();
      await images.drop([png('screenshot.png', 800, 500), jpeg('street.jpg', 2400, 1600, { noise: 20 })]);
      await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
      await images.waitForReady(2);
      await chat.composer().fill('Compare the two pictures');
      await shot(page, `images-composer-${scheme}`);

      await chat.answer('Compare the two pictures');
      await page.locator('[data-testid="message-image"][data-state="ready"]').nth(1).waitFor();
      await chat.lastReply().getByTestId('answer').locator('table').waitFor();
      await page.getByTestId('message-images').scrollIntoViewIfNeeded();
      await shot(page, `images-conversation-${scheme}`);
      const thumb = images.messageImages().nth(1);
      await thumb.click();
      const lightbox = images.lightbox();
      await lightbox.waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'lightbox-close',
      );
      // Focus stays inside: Tab and Shift+Tab cycle over the dialog's controls.
      for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
        await page.keyboard.press(key);
        expect(await lightbox.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      }
      await shot(page, `images-lightbox-${scheme}`);
      await page.keyboard.press('Escape');
      await lightbox.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'message-image',
      );
    });
  }

  it('fits a phone: the attachments scroll sideways, nothing sticks out', async () => {
    const { page, chat, images } = await openReady({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await images.paste([png('first.png', 640, 480), png('second.png', 480, 640)]);
    await images.waitForReady(2);
    await shot(page, 'images-composer-phone');
    expect(await chat.horizontalOverflow()).toBe(0);
  });
});
