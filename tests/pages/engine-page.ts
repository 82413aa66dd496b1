// Page object for the launcher: what a person sees and clicks, by test id and accessible name.
import type { Page } from 'playwright-core';

export class EnginePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    // The profiles arrive after the first paint; the form is usable once they are there.
    await this.page.locator('[data-testid="profile-select"] option').first().waitFor({ state: 'attached' });
  }

  state() {
    return this.page.getByTestId('engine-state');
  }

  async waitForState(state: string, timeout = 20_000): Promise<void> {
    await this.page.locator(`[data-testid="engine-state"][data-state="${state}"]`).waitFor({ timeout });
  }

  async setOption(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async start(): Promise<void> {
    await this.page.getByTestId('start-button').click();
  }

  async stop(): Promise<void> {
    await this.page.getByTestId('stop-button').click();
  }

  logLines() {
    return this.page.getByTestId('log-line');
  }
}
