// The engine console in Chromium: a launch moves through its startup stages to ready; the live log can be
// searched and stops following when scrolled up; a failing launch is explained with the quoted line and a
// one-click fix that relaunches with the patched option; a pasted log is diagnosed. Screenshots in light,
// dark and on a phone.
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '@/lib/engine/types';
import { type AppServer, startApp } from '../helpers/app-server';
import { TEST_TOKEN } from '../helpers/auth';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
import { freePort } from '../helpers/net';
import { EnginePage } from '../pages/engine-page';

let app: AppServer;
let browser: Browser;

/** PATH without any real nvidia-smi, so the machine check says "no GPU" wherever the tests run. */
const PATH_WITHOUT_GPU = (process.env.PATH ?? '')
  .split(path.delimiter)
  .filter((dir) => !dir.includes('nvidia'))
  .join(path.delimiter);

beforeAll(async () => {
  app = await startApp({ PATH: PATH_WITHOUT_GPU });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openConsole(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const ui = new EnginePage(page);
  await ui.open(app.url);
  await ui.openConsole();
  return { context, page, ui };
}

async function engineStatus(context: BrowserContext): Promise<EngineStatus> {
  return (await (await context.request.get(`${app.url}/api/engine`)).json()) as EngineStatus;
}

/** Scrolls the console pane (only the pane) so that `testId` is at its top, for a screenshot of that part. */
async function scrollPaneTo(page: EnginePage['page'], testId: string) {
  if ((await page.getByTestId(testId).count()) === 0) await new EnginePage(page).reachLowerPart();
  await page.getByTestId(testId).evaluate((el) => {
    let pane = el.parentElement;
    while (pane && !/(auto|scroll)/.test(getComputedStyle(pane).overflowY)) pane = pane.parentElement;
    if (pane) pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  });
}

describe('engine console', () => {
  it('shows the startup stages, then live figures; the log is searchable and stops following on scroll-up', async () => {
    const { context, page, ui } = await openConsole({ colorScheme: 'light' });
    await page.getByTestId('check-item').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-stopped-light.png` });
    await ui.setOption('Engine port', String(await freePort()));
    await ui.setExtraFlags('--startup-seconds 3');
    await expect(page.getByTestId('command-line').textContent()).resolves.toContain('--startup-seconds 3');
    // Record every stage name and overall progress the bar shows while the engine starts.
    await page.evaluate(() => {
      const seen: { stage: string; progress: number }[] = [];
      (window as unknown as { stagesSeen: typeof seen }).stagesSeen = seen;
      const read = () => {
        const stage = document.querySelector('[data-testid="stage-name"]')?.textContent ?? null;
        const bar = document.querySelector('[data-testid="stage-progress"]')?.getAttribute('data-progress');
        const last = seen.at(-1);
        if (stage && bar && (last?.stage !== stage || last.progress !== Number(bar)))
          seen.push({ stage, progress: Number(bar) });
      };
      new MutationObserver(read).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    await ui.start();
    await page.locator('[data-testid="stage-progress"]:not([data-progress="0.000"])').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-starting-light.png` });
    await ui.waitForState('ready');
    const seen = await page.evaluate(
      () => (window as unknown as { stagesSeen: { stage: string; progress: number }[] }).stagesSeen,
    );
    const names = [...new Set(seen.map((s) => s.stage))];
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names[0]).toBe('launching');
    const progress = seen.map((s) => s.progress);
    expect(progress.at(-1)).toBeGreaterThan(progress[0] ?? 1);
    expect(progress.every((p, i) => i === 0 || p >= (progress[i - 1] ?? 0))).toBe(true);
    expect(await page.getByTestId('stage-entry').count()).toBeGreaterThanOrEqual(3);
    await page.getByTestId('live-metrics').waitFor();
    await page.getByTestId('model-id').getByText('demo/vlm-demo').waitFor();
    // Settings and the machine check fold away once the engine is ready.
    expect(await page.getByTestId('launch-settings').getAttribute('data-open')).toBe('false');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-ready-light.png` });

    // Search: the count says where we are, the line is in view with the match marked.
    await ui.searchLog('application startup complete');
    await expect.poll(() => ui.searchCount().textContent()).toMatch(/^\d+\/\d+$/);
    const hit = ui.logLines().filter({ hasText: 'Application startup complete' }).last();
    await hit.locator('mark').first().waitFor();
    expect(await hit.getAttribute('data-active')).toBe('true');
    await ui.searchLog('no such line anywhere');
    await expect.poll(() => ui.searchCount().textContent()).toBe('none');
    await ui.searchLog('');
    await ui.resumeLog();
    await ui.pausedBar().waitFor({ state: 'detached' });

    // Follow: scrolling up pauses; lines keep coming (another tool using the model through the app's
    // /v1 gateway: the engine logs each request) without moving the view; Resume goes back to the newest line.
    await ui.scrollLogUp();
    await ui.pausedBar().waitFor();
    const heldAt = await ui.logView().evaluate((el) => el.scrollTop);
    const otherTool = () =>
      fetch(`${app.url}/v1/models`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } }).then((r) =>
        r.text(),
      );
    await expect
      .poll(
        async () => {
          await otherTool();
          return Number((await ui.pausedBar().textContent())?.match(/(\d+) new line/)?.[1] ?? 0);
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    expect(await ui.logView().evaluate((el) => el.scrollTop)).toBe(heldAt);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-log-paused-light.png` });
    await ui.resumeLog();
    await ui.pausedBar().waitFor({ state: 'detached' });
    await expect
      .poll(() => ui.logView().evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight))
      .toBeLessThanOrEqual(2);
    expect(await ui.logView().getAttribute('data-following')).toBe('true');

    await ui.stop();
    await ui.waitForState('stopped');
    await context.close();
  });

  it('explains a failed launch, shows its line in the log, and relaunches with the fix', async () => {
    const { context, page, ui } = await openConsole({ colorScheme: 'dark' });
    await ui.setOption('Engine port', String(await freePort()));
    await ui.setOption('Context length (tokens)', '65536');
    await ui.setExtraFlags('--startup-seconds 0.5 --fail kv_cache_too_small');
    await ui.start();
    await ui.waitForState('crashed');
    const banner = ui.diagnosis();
    await banner.waitFor();
    expect(await banner.getAttribute('data-category')).toBe('kv_cache_too_small');
    const quoted = banner.getByTestId('diagnosis-line');
    const fits = Number(
      /estimated maximum model length is (\d+)/.exec((await quoted.textContent()) ?? '')?.[1],
    );
    expect(fits).toBeGreaterThan(0);
    const fix = banner.getByTestId('diagnosis-patch');
    expect(await fix.textContent()).toBe(`Relaunch with context ${fits.toLocaleString('en')}`);

    // The quoted line is a way into the log: the log shows that line, marked.
    await scrollPaneTo(page, 'launch-settings');
    const seq = Number(await quoted.getAttribute('data-seq'));
    await quoted.click();
    const line = ui.logLine(seq);
    await line.waitFor();
    expect(await line.getAttribute('data-marked')).toBe('true');
    await expect.poll(() => line.isVisible()).toBe(true);
    expect(await line.textContent()).toContain(`estimated maximum model length is ${fits}`);
    await scrollPaneTo(page, 'diagnosis-card');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-failed-dark.png` });

    // The report bundle has what a bug report needs, and no secret.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.getByTestId('report-copy').click();
    await page.locator('[data-testid="report-copy"][data-copied]').waitFor();
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain('engine crashed');
    expect(report).toContain('--max-model-len 65536');
    expect(report).toContain('| maxModelLen | `32768` | `65536` |');
    expect(report).toContain('`kv_cache_too_small`');
    expect(report).toMatch(/## Last \d+ log lines/);
    expect(report).not.toContain(TEST_TOKEN);

    const failed = await engineStatus(context);
    await fix.click();
    await expect
      .poll(async () => {
        const next = await engineStatus(context);
        return next.launchId !== failed.launchId ? next.options?.maxModelLen : null;
      })
      .toBe(fits);
    // The form shows the patched value for the next launch too.
    await ui.waitForState('crashed');
    await ui.expand('launch-settings');
    expect(await page.getByLabel('Context length (tokens)', { exact: true }).inputValue()).toBe(String(fits));
    await context.close();
  });

  it('diagnoses a pasted log', async () => {
    const { context, page, ui } = await openConsole({ colorScheme: 'light' });
    await ui.pasteLog(
      [
        'INFO 05-01 10:00:00 [api_server.py:1] vLLM API server version 0.9.1',
        'INFO 05-01 10:00:03 [gpu_model_runner.py:1] Loading model weights took 13.9 GiB',
        'ERROR 05-01 10:00:05 [core.py:500] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 380.00 MiB. GPU 0 has a total capacity of 23.64 GiB of which 14.81 MiB is free.',
      ].join('\n'),
    );
    const card = page.getByTestId('paste-log-diagnosis');
    await card.waitFor();
    expect(await card.getAttribute('data-category')).toBe('cuda_oom');
    expect(await card.getByTestId('diagnosis-line').textContent()).toContain('CUDA out of memory');
    // The paste names no engine, so the result says which one its wording points to.
    expect(await page.getByTestId('paste-log-engine').textContent()).toContain('vLLM log (guessed');
    await ui.pasteLog('INFO all fine here\nINFO still fine');
    await page.getByTestId('paste-log-none').waitFor();
    // A GPU profile on a machine without a GPU is marked, and says why, before anyone waits for a download.
    await ui.expand('launch-settings');
    await page.getByTestId('profile-select').selectOption('qwen2.5-vl-7b');
    const fit = page.getByTestId('profile-fit');
    await fit.waitFor();
    expect(await fit.getAttribute('data-fit')).toBe('no');
    expect(
      await page.locator('[data-testid="profile-select"] option[value="qwen2.5-vl-7b"]').textContent(),
    ).toContain('will not fit');
    expect(await page.getByTestId('command-line').textContent()).toContain('vllm.entrypoints.cli.main serve');
    await scrollPaneTo(page, 'launch-settings');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-gpu-profile-light.png` });
    await page.getByTestId('profile-select').selectOption('demo');
    await ui.expand('machine-check');
    await scrollPaneTo(page, 'machine-check');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-settings-light.png` });
    await scrollPaneTo(page, 'launch-settings');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-settings-form-light.png` });
    await context.close();
  });

  it('fits a phone: full-screen console, no sideways scrolling', async () => {
    const { context, page, ui } = await openConsole({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: 'dark',
    });
    await ui.expand('machine-check');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pane = await page.getByTestId('console-drawer').boundingBox();
    expect(pane?.width).toBe(390);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-phone-dark.png` });
    await scrollPaneTo(page, 'log-panel');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/console-phone-log-dark.png` });
    await context.close();
  });
});
