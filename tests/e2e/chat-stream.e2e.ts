// The stream under stress: a dropped connection is reattached without losing or repeating text, a reload
// mid-reply resumes it, Stop (button or Esc) keeps what came, and auto-scroll yields to a reader who scrolls up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from '../helpers/browser';
import { ChatSession } from '../pages/chat-session';

const session = new ChatSession();

beforeAll(() => session.start());
afterAll(() => session.close());

describe('a dropped connection', () => {
  beforeAll(() => session.runEngine(100, 60, 80), 40_000);

  it('reattaches by itself when the stream drops before done, without losing or repeating text', async () => {
    const { page, chat } = await session.open();
    const question = 'Reconnect after this drop';
    const reference = await chat.ask(question);
    const expected = await reference.getByTestId('answer').textContent();
    await page.getByTestId('new-chat').click();

    // The first response is cut after a few events, as a tunnel that drops the connection would.
    await page.route('**/api/chat', async (route) => {
      const response = await route.fetch();
      const events = (await response.text()).split('\n\n').filter(Boolean);
      await route.fulfill({ response, body: `${events.slice(0, 40).join('\n\n')}\n\n` });
    });
    await chat.send(question);
    const reply = await chat.waitForReply('done');
    await reply.getByTestId('reconnected-note').waitFor();
    expect(await reply.getByTestId('answer').textContent()).toBe(expected);
    await page.unroute('**/api/chat');
  });
});

describe('with a slow engine', () => {
  beforeAll(() => session.runEngine(20, 20, 200), 40_000);

  it('stops a reply mid-stream and keeps what came, also after a reload', async () => {
    const { page, chat } = await session.open();
    await chat.send('Please write a long answer');
    const answer = chat.lastReply().getByTestId('answer');
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="answer"]');
      return (el?.textContent?.length ?? 0) > 40;
    });
    await page.getByTestId('chat-stop-button').click();
    const reply = await chat.waitForReply('stopped');
    const kept = (await answer.textContent()) ?? '';
    expect(kept.length).toBeGreaterThan(40);
    // Far from the full reply (its code block comes at the end).
    expect(await reply.locator('pre').count()).toBe(0);
    await page.getByTestId('send-button').waitFor();

    await page.reload();
    await chat.waitForReply('stopped');
    expect(await chat.lastReply().getByTestId('answer').textContent()).toBe(kept);
  });

  it('follows the stream unless the reader scrolls up, then offers a jump to the latest text', async () => {
    const { page, chat } = await session.open({ viewport: { width: 1280, height: 520 } });
    await chat.send('Follow me while I stream');
    const answer = chat.lastReply().getByTestId('answer');
    await answer.locator('table').waitFor();
    const scroller = page.getByTestId('chat-scroll');
    const distance = () => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    expect(await distance()).toBeLessThan(60);

    await scroller.hover();
    await page.mouse.wheel(0, -400);
    await page.getByTestId('jump-to-latest').waitFor();
    const top = await scroller.evaluate((el) => el.scrollTop);
    const length = (await answer.textContent())?.length ?? 0;
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid="answer"]')?.textContent?.length ?? 0) > n + 80,
      length,
    );
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(top);

    await page.getByTestId('jump-to-latest').click();
    await page.getByTestId('jump-to-latest').waitFor({ state: 'detached' });
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="chat-scroll"]');
      return el !== null && el.scrollHeight - el.scrollTop - el.clientHeight < 60;
    });
    await page.getByTestId('chat-stop-button').click();
    await chat.waitForReply('stopped');
  });

  it('resumes a reply that a reload cut off, without repeating text', async () => {
    const { page, chat } = await session.open();
    await chat.send('Resume me after a reload');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="answer"]')?.textContent?.length ?? 0) > 40,
    );
    await page.reload();
    await chat.composer().waitFor();
    const reply = await chat.waitForReply('done', 40_000);
    const text = (await reply.getByTestId('answer').textContent()) ?? '';
    expect(text.split('You sent 1 message').length - 1).toBe(1);
    expect(await reply.locator('pre').count()).toBe(1);
    await reply.getByTestId('reconnected-note').waitFor();
  }, 60_000);

  it('stops with Esc from the composer', async () => {
    const { page, chat } = await session.open();
    await chat.send('Another long answer please');
    await page.locator('[data-testid="thinking-block"][data-state="thinking"]').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-thinking.png`, animations: 'disabled' });
    await chat.composer().press('Escape');
    const reply = await chat.waitForReply('stopped');
    expect(await reply.getByTestId('thinking-toggle').textContent()).toMatch(/Thought for \d+ s/);
  });
});
