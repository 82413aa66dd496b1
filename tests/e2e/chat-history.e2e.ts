// Conversations as a person manages them: exported as Markdown and JSON and imported back, renamed and found
// by title, shown on a reload before dexie has loaded (it loads on the first press), and a long one (200
// messages) that still opens and streams quickly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatSession } from '../pages/chat-session';

const session = new ChatSession();

beforeAll(() => session.start());
afterAll(() => session.close());

describe('conversation history', () => {
  beforeAll(() => session.runEngine(200, 30, 60), 40_000);

  it('exports a conversation as JSON and Markdown and imports the JSON back', async () => {
    const { page, chat } = await session.open();
    await chat.ask('A question worth keeping');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-chat-export-'));

    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-markdown').click(),
    ]);
    expect(markdown.suggestedFilename()).toBe('a-question-worth-keeping.md');
    const mdPath = path.join(dir, 'chat.md');
    await markdown.saveAs(mdPath);
    const md = fs.readFileSync(mdPath, 'utf8');
    expect(md).toContain('# A question worth keeping');
    expect(md).toContain('## You');
    expect(md).toContain('<details><summary>Thought for');

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-json').click(),
    ]);
    const jsonPath = path.join(dir, 'chat.json');
    await json.saveAs(jsonPath);
    const data = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
    expect(data.format).toBe('vlm-console.conversations');
    expect(data.conversations[0].messages).toHaveLength(2);
    const answer = data.conversations[0].messages[1].content as string;

    await chat.conversations().first().hover();
    await page.getByTestId('delete-conversation').click();
    await page.getByTestId('confirm-delete').click();
    await chat.conversations().first().waitFor({ state: 'detached' });
    await page.getByTestId('empty-state').waitFor();

    await page.getByTestId('import-conversations').setInputFiles(jsonPath);
    await chat.conversations().first().waitFor();
    expect(await chat.conversations().first().textContent()).toContain('A question worth keeping');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="message"]').length === 2);
    expect(await chat.messages('user').first().textContent()).toContain('A question worth keeping');
    const restored = await chat.lastReply().getByTestId('answer').textContent();
    expect(restored).toContain('A question worth keeping');
    expect(answer).toContain('A question worth keeping');
  });

  it('shows the stored conversations on a reload before dexie loads, and loads it on the first key press', async () => {
    const { page, chat } = await session.open();
    // A first visit creates no database: dexie creates it, with its schema, on the first write. The empty
    // conversation shows once the first read has answered.
    await page.getByTestId('empty-state').waitFor();
    expect((await page.evaluate(() => indexedDB.databases())).map((db) => db.name)).not.toContain(
      'vlm-console',
    );
    await chat.ask('Kept across the reload');

    // Dexie's chunk, told by a string of its own code (chunk names change with every build).
    const dexieLoads = () => chat.loadedScriptsWith('Dexie.delete');
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="message"]').length === 2);
    expect(await chat.conversations().first().textContent()).toContain('Kept across the reload');
    expect(await chat.lastReply().getByTestId('answer').textContent()).toContain('Kept across the reload');
    await page.waitForTimeout(2000);
    expect(await dexieLoads()).toBe(0);

    await page.keyboard.press('Shift');
    await expect.poll(dexieLoads).toBe(1);
    // Live from then on: a new conversation shows in the list.
    await page.getByTestId('new-chat').click();
    // The new, empty conversation first (ask counts the replies shown when it starts).
    await page.getByTestId('empty-state').waitFor();
    await chat.ask('A second one');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="conversation-item"]').length === 2,
    );
  });

  it('renames and finds conversations by title', async () => {
    const { page, chat } = await session.open();
    await chat.ask('Alpha topic');
    await page.getByTestId('new-chat').click();
    await page.getByTestId('empty-state').waitFor();
    await chat.ask('Beta topic');
    expect(await chat.conversations().count()).toBe(2);

    const alpha = chat.conversations().filter({ hasText: 'Alpha topic' });
    await alpha.hover();
    await page.locator('li', { has: alpha }).getByTestId('rename-conversation').click();
    await page.getByTestId('rename-input').fill('Renamed gamma');
    await page.getByTestId('rename-input').press('Enter');
    await chat.conversations().filter({ hasText: 'Renamed gamma' }).waitFor();

    await page.getByTestId('conversation-search').fill('gamma');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="conversation-item"]').length === 1,
    );
    await chat.conversations().first().click();
    await page.getByTestId('chat-title').filter({ hasText: 'Renamed gamma' }).waitFor();
    expect(await chat.messages('user').first().textContent()).toContain('Alpha topic');
  });

  it('stays fast with a 200-message conversation', async () => {
    const { page, chat } = await session.open();
    const reply =
      'Here is a table:\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```\n\nAnd some text.';
    const messages = Array.from({ length: 200 }, (_, i) => ({
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: i % 2 === 0 ? `Question number ${i / 2}` : reply,
      reasoning: i % 2 === 0 ? undefined : 'Some thinking.',
      status: 'done',
    }));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-chat-long-')), 'long.json');
    fs.writeFileSync(file, JSON.stringify({ title: 'Long conversation', messages }));
    const started = Date.now();
    await page.getByTestId('import-conversations').setInputFiles(file);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="message"]').length === 200);
    await chat.lastReply().getByTestId('answer').locator('table').waitFor();
    expect(Date.now() - started).toBeLessThan(8000);
    // Rows off screen skip layout and paint.
    expect(
      await chat
        .messages()
        .first()
        .evaluate((el) => getComputedStyle(el).contentVisibility),
    ).toBe('auto');
    // The list opens at its end, and a new reply streams as usual.
    const reply201 = await chat.ask('One more question');
    expect(await reply201.getByTestId('answer').textContent()).toContain('One more question');
    expect(await chat.messages().count()).toBe(202);
  });
});
