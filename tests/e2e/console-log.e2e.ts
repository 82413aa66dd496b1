// The log a vLLM user watches while a model loads, in Chromium: by default it shows this launch only (its
// counts and search too) and none of the app's own health/metrics/models probes, with toggles for both;
// lines wrap in the narrow pane, "No wrap" keeps them on one row and brings a search hit into view sideways.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '@/lib/engine/types';
import { type AppServer, startApp } from '../helpers/app-server';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
import { freePort } from '../helpers/net';
import { EnginePage } from '../pages/engine-page';

let app: AppServer;
let browser: Browser;

const PROBE_LINE = /"GET \/(?:health|metrics|v1\/models) HTTP/;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('engine log', () => {
  it('shows this launch without the app’s probes, wrapped; earlier launches and probes one click away', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'light',
    });
    const page = await context.newPage();
    const ui = new EnginePage(page);
    await ui.open(app.url);
    await ui.setOption('Engine port', String(await freePort()));
    // A crashed launch first: its errors belong to it, not to the next one.
    await ui.setExtraFlags('--startup-seconds 0.5 --fail cuda_oom');
    await ui.start();
    await ui.waitForState('crashed');
    await expect
      .poll(async () =>
        Number(
          await page
            .getByTestId('log-level-error')
            .textContent()
            .then((t) => t?.match(/\d+/)?.[0]),
        ),
      )
      .toBeGreaterThan(0);
    // A number far along the launch's command line, to search for sideways.
    await ui.setExtraFlags('--startup-seconds 1 --tokens-per-second 987654');
    await ui.start();
    await ui.waitForState('ready');
    // The app's probes are in the engine's log (the download keeps every line)…
    await expect
      .poll(
        async () => (await ui.downloadedLog(app.url)).split('\n').filter((l) => PROBE_LINE.test(l)).length,
        {
          timeout: 30_000,
        },
      )
      .toBeGreaterThan(0);
    await ui.logLines().filter({ hasText: 'Application startup complete' }).first().waitFor();
    // …but not in the panel, unless asked for.
    expect((await ui.renderedLogTexts()).filter((t) => PROBE_LINE.test(t))).toEqual([]);
    expect((await page.getByTestId('log-level-error').textContent())?.match(/\d+/)?.[0]).toBe('0');
    await ui.searchLog('CUDA out of memory');
    await expect.poll(() => ui.searchCount().textContent()).toBe('none');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/log-this-launch-light.png` });
    await ui.logToggle('log-show-earlier').click();
    await expect.poll(() => ui.searchCount().textContent()).toMatch(/^\d+\/\d+$/);
    await ui.searchLog('');
    await ui.logToggle('log-show-earlier').click();
    await ui.logToggle('log-show-probes').click();
    await expect.poll(async () => (await ui.renderedLogTexts()).some((t) => PROBE_LINE.test(t))).toBe(true);
    await ui.logToggle('log-show-probes').click();
    await expect.poll(async () => (await ui.renderedLogTexts()).some((t) => PROBE_LINE.test(t))).toBe(false);

    // Wrapped by default: the launch's long command line fits the pane, on more than one row.
    const status = (await (await context.request.get(`${app.url}/api/engine`)).json()) as EngineStatus;
    const lastArg = status.command?.at(-1) ?? '';
    expect(lastArg).not.toBe('');
    const commandRow = ui.logLines().filter({ hasText: '$ ' }).filter({ hasText: lastArg }).first();
    await commandRow.waitFor();
    expect(await ui.logOverflowX()).toBeLessThanOrEqual(0);
    const rowBox = await commandRow.boundingBox();
    expect(rowBox?.height ?? 0).toBeGreaterThan(30);
    // The whole text is shown, not cut.
    const shown = await commandRow.evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
    expect(shown).toBe(true);

    // "No wrap": one row per line; a search hit far to the right is scrolled into view.
    await ui.logToggle('log-wrap').click();
    await expect.poll(() => ui.logOverflowX()).toBeGreaterThan(0);
    await ui.searchLog('987654');
    const mark = page.locator('[data-testid="log-line"][data-active] mark').first();
    await mark.waitFor();
    await expect
      .poll(async () => {
        const [view, hit] = await Promise.all([ui.logView().boundingBox(), mark.boundingBox()]);
        return Boolean(view && hit && hit.x >= view.x && hit.x + hit.width <= view.x + view.width);
      })
      .toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/log-nowrap-light.png` });
    await ui.searchLog('');
    await ui.logToggle('log-wrap').click();
    await context.close();
  });

  it('reads well in dark and on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const ui = new EnginePage(page);
    await ui.open(app.url);
    await ui.waitForState('ready');
    await page.getByTestId('log-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/log-ready-dark.png` });
    await context.close();
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: 'light',
    });
    const phonePage = await phone.newPage();
    const phoneUi = new EnginePage(phonePage);
    await phoneUi.open(app.url);
    await phoneUi.openConsole();
    await phonePage.getByTestId('log-panel').scrollIntoViewIfNeeded();
    expect(await phoneUi.logOverflowX()).toBeLessThanOrEqual(0);
    await phonePage.screenshot({ path: `${SCREENSHOT_DIR}/log-phone-light.png` });
    await phone.close();
  });
});
