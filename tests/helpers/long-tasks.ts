// Long tasks (main-thread work over 50 ms) of a page load, read with Chromium's Long Tasks API: an observer
// installed before any script of the page runs records every task from navigation on.
import type { Page } from 'playwright-core';

export interface LongTask {
  startMs: number;
  durationMs: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
  }
}

/** Call before page.goto. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.__longTasks?.push({
          startMs: Math.round(entry.startTime),
          durationMs: Math.round(entry.duration),
        });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks so far, once the page has been quiet (no new long task) for `quietMs`. */
export async function longTasksWhenQuiet(page: Page, quietMs = 1500): Promise<LongTask[]> {
  await page.waitForFunction(
    (quiet) => {
      const tasks = window.__longTasks ?? [];
      const last = tasks.at(-1);
      const end = last ? last.startMs + last.durationMs : 0;
      return document.readyState === 'complete' && performance.now() - end > quiet;
    },
    quietMs,
    { polling: 100, timeout: 30_000 },
  );
  return page.evaluate(() => window.__longTasks ?? []);
}
