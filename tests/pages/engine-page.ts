// Page object for the engine console: what a person sees and clicks, by test id and accessible name.
import type { Page } from 'playwright-core';
import { signInBrowser } from '../helpers/auth';

export class EnginePage {
  constructor(readonly page: Page) {}

  /** Signs the page's context in (pages need a session), then opens the app. */
  async open(url: string): Promise<void> {
    await signInBrowser(this.page.context(), new URL(url).origin);
    await this.page.goto(url);
    const chip = this.page.locator('[data-testid="engine-chip"]:not([data-state="unknown"])');
    await chip.waitFor();
    // The console renders from the first time it opens (by itself while no engine is ready).
    if ((await chip.getAttribute('data-state')) !== 'ready') await this.formReady();
  }

  /** The profiles arrive after the console's first paint; the form is usable once they are there. */
  private async formReady(): Promise<void> {
    await this.page.locator('[data-testid="profile-select"] option').first().waitFor({ state: 'attached' });
  }

  state() {
    return this.page.getByTestId('engine-state');
  }

  /** Waits on the top bar's engine chip (the console closes by itself once the engine is ready), then
   * opens the console so its status and controls are in view. */
  async waitForState(state: string, timeout = 20_000): Promise<void> {
    await this.page.locator(`[data-testid="engine-chip"][data-state="${state}"]`).waitFor({ timeout });
    await this.openConsole();
    await this.page.locator(`[data-testid="engine-state"][data-state="${state}"]`).waitFor({ timeout });
  }

  async openConsole(): Promise<void> {
    if (!(await this.page.getByTestId('console-drawer').isVisible()))
      await this.page.getByTestId('engine-chip').click();
    await this.page.getByTestId('console-drawer').waitFor();
    await this.formReady();
  }

  /**
   * The log, report, launch history and "paste a log" load as a person heads down to them (until the engine
   * is ready they sit below the launch settings): scrolls the pane to its end, as one would, until they are in.
   */
  async reachLowerPart(): Promise<void> {
    await this.openConsole();
    const log = this.page.getByTestId('log-panel');
    if ((await log.count()) > 0) return;
    await this.page.getByTestId('console-drawer').evaluate((drawer) => {
      const pane = [...drawer.querySelectorAll('div')].find(
        (el) => getComputedStyle(el).overflowY === 'auto',
      );
      if (pane) pane.scrollTop = pane.scrollHeight;
    });
    await log.waitFor();
  }

  /** Unfolds a console section (machine-check, launch-settings, launch-history, paste-log) if folded. */
  async expand(section: string): Promise<void> {
    await this.openConsole();
    if ((await this.page.getByTestId(section).count()) === 0) await this.reachLowerPart();
    const root = this.page.getByTestId(section);
    if ((await root.getAttribute('data-open')) !== 'true')
      await root.locator('button[aria-expanded]').first().click();
    await this.page.locator(`[data-testid="${section}"][data-open="true"]`).waitFor();
  }

  async setOption(label: string, value: string): Promise<void> {
    await this.expand('launch-settings');
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  /** The demo engine's misbehaviour knobs go in through the form, as a person would type them. */
  async setExtraFlags(flags: string): Promise<void> {
    await this.setOption('Extra flags', flags);
  }

  async start(): Promise<void> {
    await this.openConsole();
    await this.page.getByTestId('start-button').click();
  }

  async stop(): Promise<void> {
    await this.openConsole();
    await this.page.getByTestId('stop-button').click();
  }

  logLines() {
    return this.page.getByTestId('log-line');
  }

  logView() {
    return this.page.getByTestId('log-view');
  }

  logLine(seq: number) {
    return this.page.locator(`[data-testid="log-line"][data-seq="${seq}"]`);
  }

  /** The launch diagnosis banner above the log. */
  diagnosis() {
    return this.page.getByTestId('diagnosis-card');
  }

  async searchLog(query: string): Promise<void> {
    await this.page.getByTestId('log-search').fill(query);
  }

  searchCount() {
    return this.page.getByTestId('log-search-count');
  }

  pausedBar() {
    return this.page.getByTestId('log-paused');
  }

  /** Scrolls the log up with the mouse wheel, as a reader would. */
  async scrollLogUp(pixels = 600): Promise<void> {
    const box = await this.logView().boundingBox();
    if (!box) throw new Error('the log is not visible');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, -pixels);
  }

  async resumeLog(): Promise<void> {
    await this.page.getByTestId('log-resume').click();
  }

  async pasteLog(text: string): Promise<void> {
    await this.expand('paste-log');
    await this.page.getByTestId('paste-log-input').fill(text);
    await this.page.getByTestId('paste-log-submit').click();
  }

  /** A toggle of the log toolbar: `log-show-probes`, `log-show-earlier`, `log-wrap`. */
  logToggle(testId: 'log-show-probes' | 'log-show-earlier' | 'log-wrap') {
    return this.page.getByTestId(testId);
  }

  /** Texts of the log lines now rendered (the list is windowed: those near the viewport). */
  async renderedLogTexts(): Promise<string[]> {
    return this.logLines().allTextContents();
  }

  /** The full log of the current launch, as the Download button gives it. */
  async downloadedLog(origin: string): Promise<string> {
    const res = await this.page.context().request.get(`${origin}/api/engine/logs/download`);
    return res.text();
  }

  /** How far the log's content sticks out sideways (0 when every line fits the pane). */
  logOverflowX(): Promise<number> {
    return this.logView().evaluate((el) => el.scrollWidth - el.clientWidth);
  }
}
