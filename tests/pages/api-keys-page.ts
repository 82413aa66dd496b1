// Page object for Settings › API keys.
import type { Page } from 'playwright-core';

export class ApiKeysPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('settings-button').click();
    await this.page.getByTestId('api-key-name').waitFor();
  }

  async make(name: string, scope: 'chat' | 'admin', expiryDays?: number): Promise<string> {
    await this.page.getByTestId('api-key-name').fill(name);
    await this.page.getByTestId('api-key-scope').selectOption(scope);
    if (expiryDays) await this.page.getByTestId('api-key-expiry').selectOption(String(expiryDays));
    await this.page.getByTestId('create-api-key').click();
    return (await this.page.getByTestId('new-api-key-value').textContent()) ?? '';
  }

  async copySnippet(kind: 'curl' | 'python' | 'javascript'): Promise<string> {
    await this.page.getByTestId(`snippet-tab-${kind}`).click();
    await this.page.getByTestId('copy-snippet').click();
    await this.page.locator('[data-testid="copy-snippet"][data-copied]').waitFor();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  row(name: string) {
    return this.page.locator(`[data-testid="api-key-row"][data-key-name="${name}"]`);
  }
}
