// Page object for the sign-in page.
import type { Page } from 'playwright-core';

export class SignInPage {
  constructor(readonly page: Page) {}

  async signInWith(token: string): Promise<void> {
    await this.page.getByTestId('token-input').fill(token);
    await this.page.getByTestId('sign-in-button').click();
  }

  error() {
    return this.page.getByTestId('sign-in-error');
  }
}
