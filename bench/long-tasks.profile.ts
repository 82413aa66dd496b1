// Not a benchmark: finds WHAT the long tasks are while a reply streams. Chromium's sampling profiler runs
// during the stream; for each task over 50 ms (long-task observer) the samples inside it are summed by
// function and script, and the heaviest are printed. Run:
//   BENCH_PROFILE=1 npx vitest run --config vitest.bench.config.ts bench/long-tasks.profile.ts
// (PROFILE_THINKING / PROFILE_ANSWER set the reply's length in tokens.)
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ChatSession } from '../tests/pages/chat-session';

const session = new ChatSession();
const THINKING = Number(process.env.PROFILE_THINKING ?? 6000);
const ANSWER = Number(process.env.PROFILE_ANSWER ?? 3000);

beforeAll(async () => {
  await session.start();
  await session.runEngine(300, THINKING, ANSWER);
}, 60_000);

afterAll(() => session.close());

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

describe('long tasks, attributed', () => {
  it('profiles the page load (hydration)', async () => {
    if (!process.env.PROFILE_LOAD) return;
    const { page, chat } = await session.open();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await page.reload();
    await chat.composer().waitFor();
    await page.locator('[data-testid="engine-chip"]:not([data-state="unknown"])').waitFor();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const byScript = new Map<string, number>();
    const byFunction = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      if (!n) return;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const file = n.callFrame.url.split('/').pop() || n.callFrame.functionName;
      byScript.set(file, (byScript.get(file) ?? 0) + dt);
      const k = `${n.callFrame.functionName || '(anon)'} ${file}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      byFunction.set(k, (byFunction.get(k) ?? 0) + dt);
    });
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`)
        .join('\n');
    process.stdout.write(
      `\nload, self time by script:\n${top(byScript, 15)}\n\nby function:\n${top(byFunction, 25)}\n`,
    );
  }, 120_000);

  it('profiles a streamed reply', async () => {
    const { page, chat } = await session.open();
    await page.addInitScript(() => {
      const w = window as unknown as { __long: { start: number; duration: number }[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.reload();
    await chat.composer().waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await page.getByTestId('settings-button').click();
    await page.getByTestId('max-tokens').fill('32000');
    await page.keyboard.press('Escape');
    await cdp.send('Profiler.start');
    // The page's clock when the profile starts: sample times are placed on it from the profile's start.
    const origin = await page.evaluate(() => performance.now());
    await chat.send('Render a long reply, please.');
    await chat.waitForReply('done', 300_000);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };
    };
    const long = await page.evaluate(
      () => (window as unknown as { __long: { start: number; duration: number }[] }).__long,
    );
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // Sample times in µs on the monotonic clock; performance.now() is ms since timeOrigin on the same clock
    // only approximately, so tasks are matched on the profile's own clock via the first sample offset.
    const times: number[] = [];
    let t = profile.startTime;
    for (const d of profile.timeDeltas) {
      t += d;
      times.push(t);
    }
    const first = long.filter((x) => x.duration > 50);
    process.stdout.write(
      `\n${first.length} tasks over 50 ms: ${first.map((x) => x.duration.toFixed(0)).join(', ')}\n`,
    );
    // Monotonic µs of performance.now()=0 is unknown; estimate by aligning total CPU-busy windows is fragile,
    // so instead sum self-time over all samples and over "stacks containing" frames of the heaviest tasks.
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      let id: number | undefined = profile.samples[i];
      const seen = new Set<string>();
      const leaf = byId.get(id ?? -1);
      if (!leaf || ['(idle)', '(program)', '(garbage collector)'].includes(leaf.callFrame.functionName)) {
        if (leaf) self.set(leaf.callFrame.functionName, (self.get(leaf.callFrame.functionName) ?? 0) + dt);
        continue;
      }
      const key = (n: ProfileNode) =>
        `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
      while (id !== undefined) {
        const n = byId.get(id);
        if (!n) break;
        const k = key(n);
        if (!seen.has(k)) {
          total.set(k, (total.get(k) ?? 0) + dt);
          seen.add(k);
        }
        id = parent.get(id);
      }
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`)
        .join('\n');
    // The longest tasks, one by one: self time of the samples inside each.
    const pageMs = (i: number) => origin + ((times[i] ?? 0) - profile.startTime) / 1000;
    for (const task of [...first].sort((a, b) => b.duration - a.duration).slice(0, 6)) {
      const inTask = new Map<string, number>();
      for (let i = 0; i < profile.samples.length; i++) {
        const at = pageMs(i);
        if (at < task.start || at > task.start + task.duration) continue;
        const n = byId.get(profile.samples[i] ?? -1);
        if (!n) continue;
        const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
        inTask.set(k, (inTask.get(k) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
      }
      process.stdout.write(
        `\ntask of ${task.duration.toFixed(0)} ms at ${task.start.toFixed(0)}:\n${top(inTask, 8)}\n`,
      );
    }
    process.stdout.write(`\nself time:\n${top(self, 30)}\n\ntotal time:\n${top(total, 40)}\n`);
  }, 400_000);
});
