// Page object for the chat: what a person sees and does, by test id.
import type { Locator, Page } from 'playwright-core';

export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'interrupted' | 'error';

export class ChatPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.composer().waitFor();
    // The engine state arrives over its stream right after the first paint.
    await this.page.locator('[data-testid="engine-chip"]:not([data-state="unknown"])').waitFor();
  }

  composer(): Locator {
    return this.page.getByTestId('composer-input');
  }

  async send(text: string): Promise<void> {
    await this.composer().fill(text);
    await this.composer().press('Enter');
  }

  messages(role?: 'user' | 'assistant'): Locator {
    const selector = role ? `[data-testid="message"][data-role="${role}"]` : '[data-testid="message"]';
    return this.page.locator(selector);
  }

  lastReply(): Locator {
    return this.messages('assistant').last();
  }

  async waitForReply(status: MessageStatus, timeout = 20_000): Promise<Locator> {
    const reply = this.page
      .locator(`[data-testid="message"][data-role="assistant"][data-status="${status}"]`)
      .last();
    await reply.waitFor({ timeout });
    return reply;
  }

  /** Sends and waits for the reply to finish. */
  async ask(text: string, timeout = 20_000): Promise<Locator> {
    const before = await this.messages('assistant').count();
    await this.send(text);
    await this.page.waitForFunction(
      (n) => {
        const replies = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
        return replies.length === n && replies[n - 1]?.getAttribute('data-status') !== 'streaming';
      },
      before + 1,
      { timeout },
    );
    return this.messages('assistant').nth(before);
  }

  /** Sends, waits for the reply to finish, and returns its answer's text. */
  async answer(text: string): Promise<string> {
    const before = await this.messages('assistant').count();
    await this.send(text);
    await this.page.waitForFunction(
      (n) => {
        const replies = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
        return replies.length === n && replies[n - 1]?.getAttribute('data-status') === 'done';
      },
      before + 1,
      { timeout: 20_000 },
    );
    const reply = await this.waitForReply('done');
    return (await reply.getByTestId('answer').textContent()) ?? '';
  }

  /** How many scripts this document has loaded whose code holds `marker` (cached ones included). */
  loadedScriptsWith(marker: string): Promise<number> {
    // The page's own resource list: a script the browser takes from its cache raises no network event.
    return this.page.evaluate(async (text) => {
      const scripts = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\.js(\?|$)/.test(name));
      const codes = await Promise.all(
        scripts.map((url) =>
          fetch(url).then(
            (r) => r.text(),
            () => '',
          ),
        ),
      );
      return codes.filter((code) => code.includes(text)).length;
    }, marker);
  }

  conversations(): Locator {
    return this.page.getByTestId('conversation-item');
  }

  consoleDrawer(): Locator {
    return this.page.getByTestId('console-drawer');
  }

  engineChip(): Locator {
    return this.page.getByTestId('engine-chip');
  }

  async waitForEngine(state: string, timeout = 20_000): Promise<void> {
    await this.page.locator(`[data-testid="engine-chip"][data-state="${state}"]`).waitFor({ timeout });
  }

  /** Horizontal overflow of the page in CSS px (0 when nothing sticks out). */
  horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
}
