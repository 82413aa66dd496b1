// Settings › API keys as a person uses them behind a tunnel: make a key, copy a snippet that points at the
// public URL with the key, see it listed (its secret never again), revoke it; the key works until then.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { TEST_TOKEN } from '../helpers/auth';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
import { waitFor } from '../helpers/net';
import { ApiKeysPage } from '../pages/api-keys-page';
import { SignInPage } from '../pages/sign-in-page';

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  // The browser plays a tunnel's proxy on loopback: forwarded headers count only from a trusted proxy.
  app = await startApp({ VLM_CONSOLE_TRUSTED_PROXIES: 'loopback' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** What /v1 says to a key: 503 (no engine yet) means the key was accepted, 401 that it was not. */
const gatewayStatus = async (key: string) =>
  (await fetch(`${app.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status;

describe('API keys in the settings', () => {
  it('makes a key, copies a snippet with the public URL, lists it without the secret, revokes it', async () => {
    const context = await browser.newContext({
      extraHTTPHeaders: { 'X-Forwarded-Host': 'calm-river.trycloudflare.com', 'X-Forwarded-Proto': 'https' },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await new SignInPage(page).signInWith(TEST_TOKEN);
    await page.waitForURL(`${app.url}/`);
    const keys = new ApiKeysPage(page);
    await keys.open();

    const key = await keys.make('editor', 'chat', 30);
    expect(key).toMatch(/^vlmc_[\w-]{43}$/);
    const python = await keys.copySnippet('python');
    expect(python).toContain('base_url="https://calm-river.trycloudflare.com/v1"');
    expect(python).toContain(`api_key="${key}"`);
    const curl = await keys.copySnippet('curl');
    expect(curl).toContain('https://calm-river.trycloudflare.com/v1/chat/completions');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/api-key-made.png` });
    expect(await gatewayStatus(key)).toBe(503);
    // The console's gateway section lists the refusal under the key's name.
    await page
      .locator('[data-testid="gateway-errors"]', { hasText: 'editor' })
      .waitFor({ state: 'attached' });

    const row = keys.row('editor');
    await row.waitFor();
    expect(await row.textContent()).toContain('chat');
    await page.getByTestId('dismiss-api-key').click();
    expect(await page.content()).not.toContain(key);
    await page.reload();
    await keys.open();
    await keys.row('editor').waitFor();
    expect(await page.content()).not.toContain(key);

    await keys.row('editor').getByTestId('revoke-api-key').click();
    await keys.row('editor').waitFor({ state: 'detached' });
    await waitFor(async () => (await gatewayStatus(key)) === 401, 2000, 'the revoked key to be refused');
    await context.close();
  });
});
