// The chat before and at the first message, in Chromium: the empty state says what the engine is doing
// (stopped, starting with its stage and progress, crashed with the diagnosis and a way to the console); the
// composer says images can be dropped or pasted; the picture example sends a sample image and its question;
// the sidebar keeps the whole title and its buttons never cover it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { signInBrowser } from '../helpers/auth';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
import { startEngine, waitForState } from '../helpers/engine-api';
import { freePort } from '../helpers/net';
import { ChatPage } from '../pages/chat-page';

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openChat(options: Parameters<Browser['newContext']>[0]) {
  const context = await browser.newContext(options);
  await signInBrowser(context, app.url);
  const page = await context.newPage();
  const chat = new ChatPage(page);
  await chat.open(app.url);
  // The console opens by itself while no model is ready; the chat is what these tests look at.
  if (await chat.consoleDrawer().isVisible()) await page.getByTestId('close-console').click();
  return { context, page, chat };
}

const emptyState = (page: Page) => page.getByTestId('empty-state');

describe('chat, first minutes', () => {
  it('says what the engine is doing: stopped, starting, crashed', async () => {
    const { context, page, chat } = await openChat({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'light',
    });
    await page.getByTestId('empty-engine-stopped').waitFor();
    expect(await chat.composer().getAttribute('placeholder')).toMatch(/drop or paste an image/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-empty-stopped-light.png` });

    await startEngine(app.url, { port: await freePort(), extraArgs: ['--startup-seconds', '4'] });
    await page.getByTestId('empty-engine-stage').waitFor();
    expect(await page.getByTestId('empty-engine-stage').textContent()).toMatch(
      /launching|loading|compiling|KV|CUDA|API/,
    );
    await page.getByTestId('empty-engine-starting').getByRole('progressbar').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-empty-starting-light.png` });
    await waitForState(app.url, ['ready'], 30_000);
    await page.locator('[data-testid="empty-state"][data-engine="ready"]').waitFor();
    await fetch(`${app.url}/api/engine/stop`, { method: 'POST' });
    await waitForState(app.url, ['stopped'], 30_000);

    await startEngine(app.url, {
      port: await freePort(),
      extraArgs: ['--startup-seconds', '0.3', '--fail', 'cuda_oom'],
    });
    await waitForState(app.url, ['crashed'], 30_000);
    // The console opens by itself on a crash; close it to see the chat.
    await chat.consoleDrawer().waitFor();
    await page.getByTestId('close-console').click();
    const problem = page.getByTestId('empty-engine-problem');
    await problem.waitFor();
    const status = (await (await fetch(`${app.url}/api/engine`)).json()) as { diagnosis?: { title: string } };
    expect(await problem.textContent()).toBe(status.diagnosis?.title);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-empty-crashed-light.png` });
    await emptyState(page).getByTestId('empty-open-console').click();
    await chat.consoleDrawer().waitFor();
    await context.close();
  });

  it('sends the picture example and keeps the whole title in the sidebar, uncovered', async () => {
    await startEngine(app.url, { port: await freePort(), extraArgs: ['--startup-seconds', '0.3'] });
    await waitForState(app.url, ['ready'], 30_000);
    const { context, page, chat } = await openChat({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'dark',
    });
    await page.locator('[data-testid="empty-state"][data-engine="ready"]').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-empty-ready-dark.png` });
    const example = page.locator('[data-testid="example-prompt"][data-has-image]');
    const text = 'What is in this picture? Describe it in three sentences.';
    await example.click();
    const reply = await chat.waitForReply('done', 30_000);
    const sent = chat.messages('user').last();
    expect(await sent.textContent()).toContain(text);
    expect(await sent.locator('img').count()).toBe(1);
    // The demo engine describes what it received, images included.
    expect(await reply.textContent()).toMatch(/image/i);

    const item = chat.conversations().first();
    await expect.poll(() => item.textContent()).toBe(text);
    await item.hover();
    const [title, rename] = await Promise.all([
      item.locator('span.truncate').boundingBox(),
      page.getByTestId('rename-conversation').first().boundingBox(),
    ]);
    expect((title?.x ?? 0) + (title?.width ?? 0)).toBeLessThanOrEqual(rename?.x ?? 0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-picture-example-dark.png` });
    await context.close();
  });

  it('fits a phone', async () => {
    const { context, page, chat } = await openChat({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: 'light',
    });
    await emptyState(page).waitFor();
    expect(await chat.horizontalOverflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-empty-phone-light.png` });
    await page.getByTestId('open-sidebar').click();
    await page.getByRole('dialog', { name: 'Conversations' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-sidebar-phone-light.png` });
    await context.close();
  });
});
