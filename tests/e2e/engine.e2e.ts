// A person starts the demo engine from the page, watches it come up in the log, and stops it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
import { getStatus } from '../helpers/engine-api';
import { freePort } from '../helpers/net';
import { processesOfLaunch } from '../helpers/processes';
import { EnginePage } from '../pages/engine-page';

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

describe('launcher page', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`starts the demo engine, shows it ready with its log, and stops it (${scheme})`, async () => {
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: 1200, height: 900 },
      });
      const page = await context.newPage();
      const ui = new EnginePage(page);
      await ui.open(app.url);
      await expect(page.getByTestId('profile-select').inputValue()).resolves.toBe('demo');
      await ui.setOption('Engine port', String(await freePort()));
      await ui.start();
      await ui.waitForState('starting');
      await ui.waitForState('ready');
      await page.getByTestId('model-id').getByText('demo/vlm-demo').waitFor();
      await page.getByTestId('log-line').filter({ hasText: 'Application startup complete' }).last().waitFor();
      expect(await ui.logLines().count()).toBeGreaterThan(10);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/engine-ready-${scheme}.png`, fullPage: true });
      const { launchId } = await getStatus(app.url);
      await ui.stop();
      await ui.waitForState('stopped');
      expect(processesOfLaunch(launchId ?? '')).toEqual([]);
      await context.close();
    });
  }

  it('works on a phone-sized screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const ui = new EnginePage(page);
    await ui.open(app.url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/engine-phone.png`, fullPage: true });
    await context.close();
  });
});
