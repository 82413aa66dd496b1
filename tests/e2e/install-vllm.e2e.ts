// A person on a Colab-like VM (driver 550 / CUDA 12.4, no vLLM yet, no network) opens the console: the
// install card shows the plan the server would run, refuses a version that is not one, and explains the
// offline failure. Python, pip and nvidia-smi are the stand-ins of tests/fixtures.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, REPO, startApp } from '../helpers/app-server';
import { launchBrowser } from '../helpers/browser';
import { EnginePage } from '../pages/engine-page';

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  const fixtures = path.join(REPO, 'tests', 'fixtures');
  app = await startApp({
    PATH: `${fixtures}/fake-python:${fixtures}/fake-nvidia-smi:${process.env.PATH}`,
    VLM_CONSOLE_DEFAULT_PROFILE: 'ernie-4.5-vl-thinking-awq',
    VLM_CONSOLE_HF_DOWNLOAD: 'off',
    FAKE_NETWORK: 'offline',
    FAKE_PIP: 'offline',
    FAKE_PROBE: 'no-vllm',
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the install card', () => {
  it('shows the cu129 plan for this driver, refuses a bad version, and explains an offline install', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const ui = new EnginePage(page);
    await ui.open(app.url);
    await ui.expand('launch-settings');
    const card = page.getByTestId('install-vllm');
    await card
      .getByTestId('install-plan')
      .getByText(/cu129 build · pip/)
      .waitFor();

    const version = card.getByLabel('Version');
    await version.fill('0.31.0; rm -rf /');
    await card.getByText('A version number like 0.31.0').waitFor();
    expect(await card.getByTestId('install-button').isDisabled()).toBe(true);
    await version.fill('');

    await card.getByTestId('install-button').click();
    const diagnosis = card.getByTestId('install-diagnosis');
    await diagnosis.getByText('No network: the package index cannot be reached').waitFor({ timeout: 20_000 });
    await diagnosis
      .getByText(/PIP_INDEX_URL/)
      .first()
      .waitFor();
    await card.getByText(/^Check the network failed/).waitFor();
    await context.close();
  });
});
