// What a vision model can do beyond one photo, in the browser: grounding replies drawn on the picture, PDFs
// attached as page images, clips attached, sent and played back.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../helpers/png';
import { ChatImages, type FileSpec } from '../pages/chat-images';
import { ChatSession } from '../pages/chat-session';

const session = new ChatSession();

beforeAll(async () => {
  await session.start();
  await session.runEngine(0, 8, 8);
}, 60_000);
afterAll(() => session.close());

const bytes = (name: string, file: string, mime: string): FileSpec => ({
  name,
  kind: 'bytes',
  base64: fs.readFileSync(file).toString('base64'),
  mime,
});

async function openReady() {
  const opened = await session.open();
  await opened.chat.waitForEngine('ready');
  return { ...opened, images: new ChatImages(opened.page) };
}

/** Where `inner` sits inside `outer`, as fractions of the outer box; both measured in one frame (the list may
 * still be scrolling to the new reply). */
function relativeBox(page: Page, outer: string, inner: string) {
  return page.evaluate(
    ([o, i]) => {
      const a = document.querySelector(o as string)?.getBoundingClientRect();
      const b = document.querySelector(i as string)?.getBoundingClientRect();
      if (!a || !b) throw new Error('not laid out');
      return {
        left: (b.x - a.x) / a.width,
        top: (b.y - a.y) / a.height,
        width: b.width / a.width,
        height: b.height / a.height,
      };
    },
    [outer, inner],
  );
}

describe('grounding', () => {
  it('draws the reply’s box on the picture where the model put it, in the thumbnail and the lightbox', async () => {
    const { chat, images, page } = await openReady();
    await images.drop([
      { name: 'street.png', kind: 'bytes', base64: makePng(640, 480).toString('base64'), mime: 'image/png' },
    ]);
    await images.waitForReady(1);
    const sent = await images.sent(images.attachments().first());
    const answer = await chat.answer('Where is the red car?');
    // The demo answers as Qwen2.5-VL does: pixels of the image it was sent.
    const box = [sent.width / 4, sent.height / 4, sent.width / 2, sent.height / 2].map(Math.round);
    expect(answer).toContain(`"bbox_2d": [${box.join(', ')}], "label": "the red car"`);

    const thumb = page.getByTestId('message-image');
    const drawn = page.getByTestId('grounding-box');
    await drawn.waitFor();
    expect(await drawn.getAttribute('data-label')).toBe('the red car');
    const at = await relativeBox(page, '[data-testid="message-image"]', '[data-testid="grounding-box"]');
    const tolerance = 2 / ((await thumb.boundingBox())?.width ?? 100);
    expect(Math.abs(at.left - (box[0] as number) / sent.width)).toBeLessThan(tolerance);
    expect(Math.abs(at.top - (box[1] as number) / sent.height)).toBeLessThan(tolerance * 2);
    expect(Math.abs(at.width - ((box[2] as number) - (box[0] as number)) / sent.width)).toBeLessThan(
      tolerance,
    );

    // The toggle hides the boxes and shows them again.
    await page.getByTestId('grounding-toggle').click();
    await drawn.waitFor({ state: 'detached' });
    await page.getByTestId('grounding-toggle').click();
    await drawn.waitFor();

    await thumb.click();
    const lightbox = images.lightbox();
    await lightbox.waitFor();
    const big = lightbox.getByTestId('grounding-box');
    const bigAt = await relativeBox(page, 'dialog[open] img', 'dialog[open] [data-testid="grounding-box"]');
    expect(Math.abs(bigAt.left - 0.25)).toBeLessThan(0.01);
    expect(Math.abs(bigAt.top - 0.25)).toBeLessThan(0.01);
    expect(Math.abs(bigAt.width - 0.25)).toBeLessThan(0.01);
    expect(await big.textContent()).toBe('the red car');
  });
});

describe('documents', () => {
  it('a two-page PDF picked in the composer becomes two page attachments', async () => {
    const { page, images } = await openReady();
    await page.getByTestId('image-input').setInputFiles({
      name: 'slides.pdf',
      mimeType: 'application/pdf',
      buffer: fs.readFileSync('tests/fixtures/media/two-pages.pdf'),
    });
    const picker = page.getByTestId('pdf-picker');
    await picker.getByTestId('pdf-page-count').filter({ hasText: '2 pages' }).waitFor({ timeout: 15_000 });
    expect(await picker.getByTestId('pdf-tokens').textContent()).toMatch(/≈[\d,]+ tok/);
    await picker.getByTestId('pdf-add').click();
    await images.waitForReady(2, 30_000);
    const names = await images
      .attachments()
      .evaluateAll((all) => all.map((a) => a.getAttribute('data-name')));
    expect(names).toEqual(['slides — page 1.jpg', 'slides — page 2.jpg']);
    // Pages render near 150 dpi (a Letter page is 8.5 in wide) within the demo's pixel budget.
    const first = await images.sent(images.attachments().first());
    expect(first.width).toBeGreaterThan(1000);
    expect(first.height).toBeGreaterThan(first.width);
  });
});

describe('video', () => {
  it('a clip dropped before the profiles have arrived waits for them instead of being refused', async () => {
    const { page, chat, images } = await openReady();
    // A slow link: the profile list (what the model takes) arrives only after the drop.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/profiles', async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await chat.waitForEngine('ready');
    await images.drop([bytes('early.webm', 'tests/fixtures/media/clip-160x120.webm', 'video/webm')]);
    release();
    await images.waitForReady(1, 20_000);
    expect(await images.attachments().first().getAttribute('data-name')).toBe('early.webm');
    expect(await page.getByText('was not added').count()).toBe(0);
  });

  it('a clip attached and sent shows in the history with a poster; the lightbox plays it', async () => {
    const { page, chat, images } = await openReady();
    await images.drop([bytes('clip.webm', 'tests/fixtures/media/clip-160x120.webm', 'video/webm')]);
    const card = images.attachments().first();
    await page
      .waitForFunction(
        () =>
          /ready|failed/.test(
            document.querySelector('[data-testid="attachment"]')?.getAttribute('data-status') ?? '',
          ),
        undefined,
        { timeout: 20_000 },
      )
      .catch(() => undefined);
    const notices = await page.locator('[role="alert"], [role="status"]').allTextContents();
    expect({
      status: await card.getAttribute('data-status'),
      text: await card.textContent(),
      notices,
    }).toMatchObject({
      status: 'ready',
    });
    expect(await card.getByTestId('attachment-source').textContent()).toMatch(/160×120 · 0:01/);
    // The poster: the clip's first frame, decoded by the browser.
    expect(
      await card.getByTestId('attachment-thumb').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(160);
    expect(await card.getByTestId('attachment-tokens').textContent()).toMatch(/≈[\d,]+ tok/);
    const answer = await chat.answer('What happens in this clip?');
    expect(answer).toMatch(/Video 1: webm, 160×120, 1\.0 s/);

    const thumb = page.getByTestId('message-video');
    await thumb.click();
    const video = images.lightbox().getByTestId('lightbox-video');
    await video.waitFor();
    await page.waitForFunction(
      () => {
        const v = document.querySelector<HTMLVideoElement>('[data-testid="lightbox-video"]');
        return v !== null && v.currentTime > 0 && v.videoWidth === 160;
      },
      undefined,
      { timeout: 10_000 },
    );
  });
});
