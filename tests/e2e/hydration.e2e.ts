// What the first load of the chat costs the main thread, in Chromium: the long tasks (over 50 ms) from
// navigation until the page is quiet, written to test-results/long-tasks.json for the report. The page must
// be usable at the end (the composer takes text). Timings are the benchmark's business, not a pass/fail here.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { signInBrowser } from '../helpers/auth';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
import { startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { type LongTask, longTasksWhenQuiet, recordLongTasks } from '../helpers/long-tasks';
import { freePort } from '../helpers/net';

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

async function loadTimes(runs: number): Promise<LongTask[][]> {
  const out: LongTask[][] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await signInBrowser(context, app.url);
    const page = await context.newPage();
    await recordLongTasks(page);
    await page.goto(app.url);
    const tasks = await longTasksWhenQuiet(page);
    await page.getByTestId('composer-input').fill('still usable');
    expect(await page.getByTestId('composer-input').inputValue()).toBe('still usable');
    out.push(tasks);
    await context.close();
  }
  return out;
}

const summary = (runs: LongTask[][]) =>
  runs.map((r) => `${r.length} (${r.map((t) => t.durationMs).join(', ')} ms)`).join(' | ');

describe('first load', () => {
  it('records the long tasks of hydration, engine stopped and ready', async () => {
    const stopped = await loadTimes(3);
    await startEngine(app.url, { port: await freePort(), extraArgs: ['--startup-seconds', '0.5'] });
    await waitForState(app.url, ['ready'], 20_000);
    const ready = await loadTimes(3);
    await stopEngine(app.url);
    const out = path.resolve(SCREENSHOT_DIR, '..', 'long-tasks.json');
    fs.writeFileSync(out, JSON.stringify({ stopped, ready }, null, 2));
    console.log(`long tasks per load, engine stopped: ${summary(stopped)}`);
    console.log(`long tasks per load, engine ready: ${summary(ready)}`);
  });
});
