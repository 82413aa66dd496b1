// A person chats with the demo engine: thinking streams into its block and folds away when the answer starts,
// the answer renders as safe Markdown, replies can be regenerated, earlier messages edited and resent, and
// the conversation survives a reload. Also: the explanation when no engine runs, settings, and screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from '../helpers/browser';
import { ChatSession } from '../pages/chat-session';

const session = new ChatSession();

beforeAll(() => session.start());
afterAll(() => session.close());

describe('without an engine', () => {
  it('keeps the draft and explains that a model must be started first', async () => {
    const { page, chat } = await session.open();
    // The console is open by default while no engine is ready.
    await chat.consoleDrawer().waitFor();
    await page.getByTestId('profile-select').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-no-engine.png`, animations: 'disabled' });
    await page.getByTestId('close-console').click();
    await chat.consoleDrawer().waitFor({ state: 'hidden' });

    await page.getByTestId('empty-state').waitFor();
    await chat.send('What is in this picture?');
    const notice = page.getByTestId('engine-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Start a model first');
    expect(await chat.composer().inputValue()).toBe('What is in this picture?');
    expect(await chat.messages().count()).toBe(0);

    await notice.getByRole('button', { name: 'Open console' }).click();
    await chat.consoleDrawer().waitFor();
    await page.getByTestId('profile-select').waitFor();
  });
});

describe('with the demo engine', () => {
  // 150 thinking tokens at 100/s: a thinking phase long enough to be seen on a busy two-core machine.
  beforeAll(() => session.runEngine(100, 150, 80), 40_000);

  it('streams the thinking, folds it when the answer starts, and renders the answer as Markdown', async () => {
    const { page, chat } = await session.open();
    await chat.waitForEngine('ready');
    // Ready: the console has closed by itself and the chip names the model.
    expect(await chat.consoleDrawer().isVisible()).toBe(false);
    expect(await chat.engineChip().textContent()).toContain('demo/vlm-demo');

    await chat.send('Compare apples and pears');
    // While it thinks: the block is open, labelled "Thinking…" and the trace streams into it.
    await page
      .locator('[data-testid="thinking-block"][data-state="thinking"]', { hasText: 'Let me look' })
      .getByTestId('thinking-toggle')
      .filter({ hasText: 'Thinking…' })
      .waitFor();

    const reply = await chat.waitForReply('done');
    const block = reply.getByTestId('thinking-block');
    expect(await block.getAttribute('data-state')).toBe('done');
    expect(await reply.getByTestId('thinking-toggle').textContent()).toMatch(/Thought for \d+ s/);
    expect(await reply.getByTestId('thinking-toggle').getAttribute('aria-expanded')).toBe('false');

    const answer = reply.getByTestId('answer');
    await answer.locator('table').waitFor();
    await answer.locator('pre').first().waitFor();
    expect(await answer.locator('table th').first().textContent()).toBe('Part');
    expect(await answer.textContent()).toContain('Compare apples and pears');
    expect(await answer.locator('li').count()).toBeGreaterThanOrEqual(3);

    // The folded trace opens again on a click.
    await reply.getByTestId('thinking-toggle').click();
    expect(await block.textContent()).toContain('Let me look at the request.');
    await reply.getByTestId('copy-thinking').waitFor();

    const stats = await reply.getByTestId('reply-stats').textContent();
    expect(stats).toMatch(/to first token/);
    expect(stats).toMatch(/tok\/s/);
    expect(stats).toMatch(/\d+ prompt/);
    expect(stats).toMatch(/\d+ answer/);

    // The conversation is titled after the question.
    expect(await chat.conversations().first().textContent()).toContain('Compare apples and pears');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-light.png`, animations: 'disabled' });
  });

  it('regenerates a reply in place', async () => {
    const { chat } = await session.open();
    const first = await chat.ask('Tell me about rivers');
    const firstId = await first.getAttribute('data-id');
    await first.getByTestId('regenerate').click();
    await chat.page.waitForFunction((id) => {
      const replies = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
      const reply = replies[0];
      return (
        replies.length === 1 &&
        reply?.getAttribute('data-id') !== id &&
        reply?.getAttribute('data-status') === 'done'
      );
    }, firstId);
    expect(await chat.messages().count()).toBe(2);
    expect(await chat.lastReply().getByTestId('answer').textContent()).toContain('Tell me about rivers');
  });

  it('edits an earlier message and resends from there, dropping the later turns', async () => {
    const { chat } = await session.open();
    await chat.ask('First question about stars');
    await chat.ask('Second question about moons');
    expect(await chat.messages().count()).toBe(4);

    await chat.messages('user').first().hover();
    await chat.messages('user').first().getByTestId('edit-message').click();
    const input = chat.page.getByTestId('edit-input');
    await input.fill('Edited question about comets');
    await chat.page.getByTestId('edit-submit').click();
    await chat.page.waitForFunction(() => {
      const all = document.querySelectorAll('[data-testid="message"]');
      return all.length === 2 && all[1]?.getAttribute('data-status') === 'done';
    });
    expect(await chat.messages('user').first().textContent()).toContain('Edited question about comets');
    expect(await chat.lastReply().getByTestId('answer').textContent()).toContain(
      'Edited question about comets',
    );
  });

  it('keeps conversations across a reload, and ↑ in the empty composer edits the last message', async () => {
    const { page, chat } = await session.open();
    await chat.ask('Remember this question');
    await chat.ask('And this one too');
    await page.reload();
    await chat.composer().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="message"]').length === 4);
    expect(await chat.messages('user').nth(1).textContent()).toContain('And this one too');
    expect(await chat.lastReply().getAttribute('data-status')).toBe('done');
    await chat.lastReply().getByTestId('answer').locator('table').waitFor();
    expect(await chat.conversations().count()).toBe(1);

    await chat.composer().click();
    await chat.composer().press('ArrowUp');
    expect(await page.getByTestId('edit-input').inputValue()).toBe('And this one too');
    await page.getByTestId('edit-input').press('Escape');
    await page.getByTestId('edit-input').waitFor({ state: 'detached' });
  });

  it('renders model Markdown without raw HTML: no script runs, no remote image loads, links are safe', async () => {
    const { page, chat } = await session.open();
    const remote: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(session.app.url)) remote.push(r.url());
    });
    const reply = await chat.ask(
      'Try <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script> and [bad](javascript:window.__xss=3) and [good](https://example.com/page) and ![pic](https://example.com/p.png)',
    );
    const answer = reply.getByTestId('answer');
    await answer.locator('table').waitFor();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await answer.locator('img').count()).toBe(0);
    expect(await answer.locator('script').count()).toBe(0);
    expect(await answer.textContent()).toContain('<img src=x onerror=');
    expect(await answer.locator('a[href^="javascript:"]').count()).toBe(0);
    const good = answer.locator('a[href="https://example.com/page"]');
    expect(await good.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await good.getAttribute('target')).toBe('_blank');
    expect(await answer.getByTestId('blocked-image').count()).toBe(1);
    expect(remote).toEqual([]);
  });

  it('renders math with KaTeX and code with a copy button', async () => {
    const { chat } = await session.open();
    const reply = await chat.ask('Math $$\\frac{a}{b} + \\sqrt{x}$$ inline');
    const answer = reply.getByTestId('answer');
    await answer.locator('.katex').first().waitFor();
    expect(await answer.locator('.katex-html').count()).toBeGreaterThan(0);
    await answer.locator('[data-streamdown="code-block-copy-button"]').first().waitFor();
  });

  it('sends the system prompt and sampling from the settings, with the profile defaults and a reset', async () => {
    const { page, chat } = await session.open();
    await page.getByTestId('settings-button').click();
    const panel = page.getByTestId('settings-panel');
    await panel.waitFor();
    // Empty fields show the running profile's recommended values.
    const placeholder = (id: string) => () => page.getByTestId(id).getAttribute('placeholder');
    await expect.poll(placeholder('temperature')).toBe('0.6');
    expect(await placeholder('top-p')()).toBe('0.95');
    expect(await placeholder('max-tokens')()).toBe('8192');
    await page.getByTestId('system-prompt').fill('You are terse.');
    await page.getByTestId('temperature').fill('0.2');
    await page.getByTestId('max-tokens').fill('4000');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/chat-settings.png`, animations: 'disabled' });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });

    const bodies: { messages: { role: string; content: unknown }[]; params: Record<string, number> }[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/chat') && r.method() === 'POST') bodies.push(r.postDataJSON());
    });
    await chat.ask('Settings check');
    expect(bodies[0]?.messages[0]).toEqual({ role: 'system', content: 'You are terse.' });
    expect(bodies[0]?.params).toEqual({ temperature: 0.2, top_p: 0.95, max_tokens: 4000 });

    // Settings survive a reload; the reset brings back the recommended values.
    await page.reload();
    await chat.composer().waitFor();
    await page.getByTestId('settings-button').click();
    const value = (id: string) => () => page.getByTestId(id).inputValue();
    // The stored settings are read after the panel opens: wait for them rather than read at once.
    await expect.poll(value('temperature')).toBe('0.2');
    await page.getByTestId('reset-sampling').click();
    await expect.poll(value('temperature')).toBe('');
    await expect.poll(value('max-tokens')).toBe('');
    await expect.poll(value('system-prompt')).toBe('You are terse.');
  });

  it('looks right in the dark and on a phone', async () => {
    const dark = await session.open({ colorScheme: 'dark' });
    await dark.chat.ask('Show me a table and some code');
    await dark.page.screenshot({ path: `${SCREENSHOT_DIR}/chat-dark.png`, animations: 'disabled' });

    const phone = await session.open({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.chat.ask('A question from a phone');
    await phone.chat.lastReply().getByTestId('answer').locator('table').waitFor();
    expect(await phone.chat.horizontalOverflow()).toBeLessThanOrEqual(0);
    await phone.page.screenshot({ path: `${SCREENSHOT_DIR}/chat-phone.png`, animations: 'disabled' });
    await phone.page.getByTestId('open-sidebar').click();
    await phone.chat.conversations().first().waitFor();
    expect(await phone.chat.horizontalOverflow()).toBeLessThanOrEqual(0);
    await phone.page.screenshot({ path: `${SCREENSHOT_DIR}/chat-phone-sidebar.png`, animations: 'disabled' });
  });
});
