// What every chat browser test needs: the built app, a browser, signed-in pages on the chat, and the demo
// engine started at a chosen pace. One session per test file.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type AppServer, startApp } from '../helpers/app-server';
import { signInBrowser } from '../helpers/auth';
import { launchBrowser } from '../helpers/browser';
import { startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort } from '../helpers/net';
import { ChatPage } from './chat-page';

type ContextOptions = Parameters<Browser['newContext']>[0];

export class ChatSession {
  app!: AppServer;
  private browser!: Browser;
  private readonly contexts: BrowserContext[] = [];

  async start(): Promise<void> {
    this.app = await startApp();
    this.browser = await launchBrowser();
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => {});
    await this.browser?.close();
    if (this.app) await stopEngine(this.app.url).catch(() => {});
    await this.app?.stop();
  }

  /**
   * A fresh, signed-in browser context (its own IndexedDB) with the chat open. `initScript` runs in the page
   * before the app does (e.g. to take a browser feature away).
   */
  async open(options: ContextOptions = {}, initScript?: () => void): Promise<{ page: Page; chat: ChatPage }> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
    this.contexts.push(context);
    if (initScript) await context.addInitScript(initScript);
    await signInBrowser(context, this.app.url);
    const page = await context.newPage();
    const log: string[] = [];
    page.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
    const chat = new ChatPage(page);
    try {
      await chat.open(this.app.url);
    } catch (error) {
      // What the page said is the quickest clue (e.g. chunks missing because the build changed under the server).
      const said = log.slice(0, 20).join('\n');
      throw new Error(`${(error as Error).message}\nat ${page.url()}, page console:\n${said}`);
    }
    return { page, chat };
  }

  /** (Re)starts the demo engine with this pace and reply length, and waits until it is ready. */
  async runEngine(tokensPerSecond: number, thinkingTokens: number, answerTokens: number): Promise<void> {
    const url = this.app.url;
    if ((await waitForState(url, ['stopped', 'ready', 'crashed', 'failed'], 20_000)).state !== 'stopped') {
      await stopEngine(url);
      await waitForState(url, ['stopped'], 20_000);
    }
    const extraArgs = ['--startup-seconds', '0.2', '--tokens-per-second', String(tokensPerSecond)];
    extraArgs.push('--thinking-tokens', String(thinkingTokens), '--answer-tokens', String(answerTokens));
    const started = await startEngine(url, { port: await freePort(), extraArgs });
    if (started.status !== 202) throw new Error(`engine start answered HTTP ${started.status}`);
    await waitForState(url, ['ready'], 20_000);
  }
}
