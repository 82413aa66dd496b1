// The first minutes with the engine console, in Chromium: it takes focus when opened from the status chip,
// holds it while it covers a phone's screen, and Esc gives it back to the chip; a fresh form marks nothing
// red; the command line breaks between arguments and the extra-flags field suggests the engine's flags; the
// status panel says when its model is the last launch's; a disabled Stop looks disabled; a pasted KV-cache
// failure quotes vLLM's estimate and puts it in the launch settings; the sign-in card keeps its place.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
import { freePort } from '../helpers/net';
import { EnginePage } from '../pages/engine-page';
import { SignInPage } from '../pages/sign-in-page';

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

async function openApp(options: Parameters<Browser['newContext']>[0]) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const ui = new EnginePage(page);
  await ui.open(app.url);
  return { context, page, ui };
}

const focusIsInConsole = (page: Page) =>
  page.evaluate(() => Boolean(document.activeElement?.closest('#engine-console')));

describe('engine console, first minutes', () => {
  it('takes focus when opened from the chip; Esc closes it and gives focus back', async () => {
    const { context, page, ui } = await openApp({
      viewport: { width: 1024, height: 800 },
      colorScheme: 'light',
    });
    await ui.openConsole();
    await page.getByTestId('close-console').click();
    await page.getByTestId('console-drawer').waitFor({ state: 'hidden' });
    const chip = page.getByTestId('engine-chip');
    await chip.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('console-drawer').waitFor();
    await expect.poll(() => focusIsInConsole(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-focus-light.png` });
    await page.keyboard.press('Escape');
    await page.getByTestId('console-drawer').waitFor({ state: 'hidden' });
    expect(await chip.evaluate((el) => el === document.activeElement)).toBe(true);
    // The chip looks like the button it is: a control mark beside its label.
    await chip.getByTestId('engine-chip-caret').waitFor();
    await context.close();
  });

  it('keeps focus inside the console while it covers a phone’s screen', async () => {
    const { context, page, ui } = await openApp({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: 'dark',
    });
    await ui.openConsole();
    await page.getByTestId('close-console').click();
    await page.getByTestId('engine-chip').click();
    await page.getByTestId('console-drawer').waitFor();
    await expect.poll(() => focusIsInConsole(page)).toBe(true);
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIsInConsole(page)).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await focusIsInConsole(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-phone-focus-dark.png` });
    await page.keyboard.press('Escape');
    await page.getByTestId('console-drawer').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('engine-chip').evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });

  it('marks nothing red before anyone typed; breaks the command between arguments; suggests flags', async () => {
    const { context, page, ui } = await openApp({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'light',
    });
    await ui.expand('launch-settings');
    await page.getByTestId('profile-select').selectOption('external');
    const url = page.getByLabel('Server URL (without /v1)', { exact: true });
    await url.waitFor();
    expect(await page.getByTestId('option-error').count()).toBe(0);
    expect(await url.getAttribute('aria-invalid')).not.toBe('true');
    await url.fill('x');
    await url.fill('');
    await page.getByTestId('option-error').first().waitFor();

    await page.getByTestId('profile-select').selectOption('qwen2.5-vl-7b');
    const command = page.getByTestId('command-line');
    await command.waitFor();
    // No argument is split over two rows of the pane.
    const split = await command.evaluate((el) =>
      [...el.querySelectorAll('[data-testid="command-arg"]')]
        .filter((arg) => (arg.textContent ?? '').length < 40)
        .filter((arg) => arg.getClientRects().length > 1 || arg.getBoundingClientRect().height > 24)
        .map((arg) => arg.textContent),
    );
    expect(await command.locator('[data-testid="command-arg"]').count()).toBeGreaterThan(3);
    expect(split).toEqual([]);

    // Flags come as suggestions while typing, not as a block of text.
    const flags = page.getByLabel('Extra flags', { exact: true });
    await flags.fill('--seed 1 --enable-pre');
    const option = page.getByRole('option', { name: '--enable-prefix-caching' });
    await option.waitFor();
    await page.getByTestId('flag-suggestions').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-flag-suggestions-light.png` });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await flags.inputValue()).toBe('--seed 1 --enable-prefix-caching ');
    expect(await page.getByText('Flags this engine accepts').count()).toBe(0);
    await page.getByTestId('profile-select').selectOption('demo');
    await context.close();
  });

  it('labels the last launch’s model; a disabled Stop looks disabled', async () => {
    const { context, page, ui } = await openApp({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'dark',
    });
    const stop = page.getByTestId('stop-button');
    await ui.waitForState('stopped');
    expect(await stop.isDisabled()).toBe(true);
    const idleBorder = await stop.evaluate((el) => getComputedStyle(el).borderColor);
    await ui.setOption('Engine port', String(await freePort()));
    await ui.setExtraFlags('--startup-seconds 0.5');
    await ui.start();
    await ui.waitForState('ready');
    // Idle: 0 tokens/s from the first figure on, not "–" until a second sample.
    await page.getByTestId('live-metrics').waitFor();
    expect(await page.getByTestId('metric-tokens-s').textContent()).toBe('0');
    const liveBorder = await stop.evaluate((el) => getComputedStyle(el).borderColor);
    expect(idleBorder).not.toBe(liveBorder);
    await ui.stop();
    await ui.waitForState('stopped');
    await page.getByTestId('model-id').waitFor();
    expect(await page.getByTestId('model-id').textContent()).toMatch(/^Last launch/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-last-launch-dark.png` });
    await context.close();
  });

  it('quotes vLLM’s estimate from a pasted KV-cache failure and uses it in the launch settings', async () => {
    const { context, page, ui } = await openApp({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'light',
    });
    await ui.pasteLog(
      [
        'INFO 05-01 10:00:00 [api_server.py:1] vLLM API server version 0.11.0',
        "(EngineCore_DP0 pid=494) ValueError: To serve at least one request with the models's max seq len (262144), (36.0 GiB KV cache is needed, which is larger than the available KV cache memory (6.94 GiB). Based on the available memory, the estimated maximum model length is 50512. Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.",
      ].join('\n'),
    );
    const card = page.getByTestId('paste-log-diagnosis');
    await card.waitFor();
    expect(await card.getByTestId('diagnosis-estimate').textContent()).toContain('50,512');
    await card.getByTestId('diagnosis-patch').click();
    await ui.expand('launch-settings');
    expect(await page.getByLabel('Context length (tokens)', { exact: true }).inputValue()).toBe('50512');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-paste-estimate-light.png` });
    await context.close();
  });

  it('keeps the sign-in card in place when the error line appears; the app has an icon', async () => {
    for (const [name, options] of [
      ['light', { viewport: { width: 1440, height: 900 }, colorScheme: 'light' }],
      ['phone-dark', { viewport: { width: 390, height: 844 }, isMobile: true, colorScheme: 'dark' }],
    ] as const) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto(`${app.url}/sign-in`);
      const card = page.locator('form').first();
      await card.waitFor();
      const before = await card.boundingBox();
      await new SignInPage(page).signInWith('not-the-token-at-all-000');
      await page.getByTestId('sign-in-error').waitFor();
      const after = await card.boundingBox();
      expect(after?.y).toBe(before?.y);
      expect(after?.height).toBe(before?.height);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-error-${name}.png` });
      const icon = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(icon).toBeTruthy();
      expect((await context.request.get(new URL(icon ?? '', app.url).href)).status()).toBe(200);
      await context.close();
    }
  });
});
