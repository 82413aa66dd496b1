// The access token every test app is started with, and how tests act as a signed-in script or browser.
import type { BrowserContext } from 'playwright-core';

export const TEST_TOKEN = 'test-access-token-0123456789abcdef';

/** Header that makes the test fetch wrapper send a request without credentials. */
export const ANONYMOUS = { 'x-test-anonymous': '1' } as const;

/** Signs a browser context in the way a person does with the token (the session cookie lands in its jar). */
export async function signInBrowser(context: BrowserContext, url: string): Promise<void> {
  const res = await context.request.post(`${url}/api/auth/sign-in`, { data: { token: TEST_TOKEN } });
  if (!res.ok()) throw new Error(`sign-in failed: HTTP ${res.status()}`);
}
