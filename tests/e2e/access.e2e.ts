// Signing in as a person does: the sign-in page for strangers, the printed one-time link, the token, the
// "exposed publicly" badge behind a tunnel, and signing out.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { TEST_TOKEN } from '../helpers/auth';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
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

describe('signing in', () => {
  it('shows strangers the sign-in page, refuses a wrong token, lets the right one in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const signIn = new SignInPage(page);
    await signIn.signInWith('not-the-token-at-all');
    await signIn.error().waitFor();
    expect(await signIn.error().textContent()).toMatch(/not right/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in.png` });
    await signIn.signInWith(TEST_TOKEN);
    await page.waitForURL(`${app.url}/`);
    await page.getByTestId('composer-input').waitFor();
    await context.close();
  });

  it('signs in with the printed one-time link, which then no longer works', async () => {
    const link = /(http:\/\/127\.0\.0\.1:\d+\/sign-in#code=[\w-]+)/.exec(app.output())?.[1] ?? '';
    expect(link).not.toBe('');
    const first = await browser.newContext();
    const page = await first.newPage();
    await page.goto(link);
    await page.waitForURL(`${app.url}/`);
    await page.getByTestId('composer-input').waitFor();
    await first.close();

    const second = await browser.newContext();
    const again = await second.newPage();
    await again.goto(link);
    await new SignInPage(again).error().waitFor();
    expect(new URL(again.url()).pathname).toBe('/sign-in');
    await second.close();
  });

  it('shows the exposure badge when reached through a tunnel, and signs out from the settings', async () => {
    const context = await browser.newContext({
      extraHTTPHeaders: { 'X-Forwarded-Host': 'calm-river.trycloudflare.com' },
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await new SignInPage(page).signInWith(TEST_TOKEN);
    await page.waitForURL(`${app.url}/`);
    const badge = page.getByTestId('exposure-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('calm-river.trycloudflare.com');

    await page.getByTestId('settings-button').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in$/);
    const status = await context.request.get(`${app.url}/api/engine`);
    expect(status.status()).toBe(401);
    await context.close();
  });
});
