// Signing in as a person does: the sign-in page for strangers, the printed one-time link, the token, the
// "exposed publicly" badge behind a tunnel (a trusted proxy on loopback), signing out, crafted `next`
// links that must not lead off the site, and pages that load without a CSP violation.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { TEST_TOKEN } from '../helpers/auth';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
import { SignInPage } from '../pages/sign-in-page';

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  // A tunnel client on this machine is a trusted proxy: its X-Forwarded-Host is believed.
  app = await startApp({ VLM_CONSOLE_TRUSTED_PROXIES: 'loopback' });
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

  it.each(['/%5Cevil.example/x', '/%09/evil.example/x', '//evil.example/x'])(
    'stays on the app after signing in from a crafted link (?next=%s)',
    async (next) => {
      const context = await browser.newContext();
      // Were the browser sent there, it would land on this page rather than a network error.
      await context.route(
        (url) => url.hostname === 'evil.example',
        (route) => route.fulfill({ body: 'phished', contentType: 'text/html' }),
      );
      const page = await context.newPage();
      await page.goto(`${app.url}/sign-in?next=${next}`);
      await new SignInPage(page).signInWith(TEST_TOKEN);
      await page.waitForURL((url) => url.pathname !== '/sign-in');
      expect(new URL(page.url()).origin).toBe(app.url);
      await page.getByTestId('composer-input').waitFor();
      await context.close();
    },
  );
});

describe('Content-Security-Policy', () => {
  it('the sign-in page and the console load without a single violation (no eval probe)', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|unsafe-eval/i.test(message.text())) consoleErrors.push(message.text());
    });
    const violations = () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    await page.goto(`${app.url}/sign-in`);
    await page.getByTestId('token-input').waitFor();
    expect(await violations()).toEqual([]);
    await new SignInPage(page).signInWith(TEST_TOKEN);
    await page.waitForURL(`${app.url}/`);
    await page.getByTestId('composer-input').waitFor();
    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
