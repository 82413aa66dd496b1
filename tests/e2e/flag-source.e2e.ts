// The launch form says where its flag knowledge came from: the installed engine's own help, or the built-in
// list when the engine is not there.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { launchBrowser } from '../helpers/browser';
import { EnginePage } from '../pages/engine-page';

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  // No vLLM anywhere: a Python that does not exist.
  app = await startApp({ VLM_CONSOLE_PYTHON: '/nonexistent/python3' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('launch settings', () => {
  it("name the engine's help as the source of the flag list, or the built-in list and why", async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const ui = new EnginePage(page);
    await ui.open(app.url);
    const source = page.getByTestId('flag-source');
    await source.getByText("Flags from the demo engine 0.11.2+demo's help.").waitFor();
    await page.getByTestId('profile-select').selectOption('vllm-custom');
    await source.getByText(/Built-in flag list: engine not found: no Python found/).waitFor();
    expect(await source.count()).toBe(1);
    await context.close();
  });
});
