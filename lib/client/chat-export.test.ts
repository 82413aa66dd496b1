import { describe, expect, it } from 'vitest';
import { parseImport, toJsonExport, toMarkdown } from './chat-export';
import type { ChatMessage, Conversation } from './conversations/types';

const conversation: Conversation = { id: 'c1', title: 'Tables', createdAt: 1, updatedAt: 5 };
const messages: ChatMessage[] = [
  {
    id: 'm1',
    conversationId: 'c1',
    seq: 0,
    role: 'user',
    content: 'Show a table',
    createdAt: 1,
    updatedAt: 1,
    status: 'done',
  },
  {
    id: 'm2',
    conversationId: 'c1',
    seq: 1,
    role: 'assistant',
    content: '| a | b |\n| - | - |\n| 1 | 2 |',
    reasoning: 'A table it is.',
    thinkingMs: 3200,
    model: 'demo/vlm-demo',
    usage: { prompt: 10, completion: 20, reasoning: 5 },
    createdAt: 2,
    updatedAt: 3,
    status: 'stopped',
  },
];

let counter = 0;
const newId = () => `new-${++counter}`;

describe('export and import', () => {
  it('round-trips through JSON', () => {
    const text = toJsonExport([{ conversation, messages }], new Date(0));
    const result = parseImport(text, newId);
    expect(result).toEqual({ ok: true, items: [{ conversation, messages }] });
  });

  it('accepts one bare conversation and fills in missing fields', () => {
    const text = JSON.stringify({
      title: 'Bare',
      messages: [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: 'a', status: 'streaming' },
      ],
    });
    const result = parseImport(text, newId, 42);
    if (!result.ok) throw new Error(result.error);
    const [item] = result.items;
    expect(item?.conversation.title).toBe('Bare');
    expect(item?.messages.map((m) => [m.seq, m.status, m.conversationId])).toEqual([
      [0, 'done', item?.conversation.id],
      [1, 'interrupted', item?.conversation.id],
    ]);
  });

  it('explains what is wrong with a file it cannot import', () => {
    expect(parseImport('nope', newId)).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
    expect(parseImport('{"format":"other"}', newId)).toMatchObject({ ok: false });
    const newer = JSON.stringify({ format: 'vlm-console.conversations', version: 99, conversations: [] });
    expect(parseImport(newer, newId)).toMatchObject({ ok: false, error: expect.stringMatching(/newer/) });
  });

  it('writes readable Markdown with the thinking folded away and the status noted', () => {
    const md = toMarkdown({ conversation, messages });
    expect(md).toMatch(/^# Tables\n/);
    expect(md).toContain('## You\n\nShow a table');
    expect(md).toContain('## Assistant (demo/vlm-demo)');
    expect(md).toContain('<details><summary>Thought for 3 s</summary>\n\nA table it is.\n\n</details>');
    expect(md).toContain('| 1 | 2 |');
    expect(md).toContain('_(stopped)_');
  });

  it('names the images of a message and keeps their references through a round trip', () => {
    const image = {
      key: 'k',
      sha256: 'k',
      mediaType: 'image/jpeg',
      name: 'cat.jpg',
      width: 1400,
      height: 1050,
      bytes: 9,
    };
    const first = messages[0] as ChatMessage;
    const withImage: ChatMessage[] = [{ ...first, images: [image] }];
    expect(toMarkdown({ conversation, messages: withImage })).toContain('_Images: cat.jpg (1400×1050)_');
    const result = parseImport(toJsonExport([{ conversation, messages: withImage }]), newId);
    expect(result.ok && result.items[0]?.messages[0]?.images).toEqual([image]);
  });
});
