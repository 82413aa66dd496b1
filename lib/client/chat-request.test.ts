import { describe, expect, it } from 'vitest';
import { chatBodySchema } from '@/lib/api/chat';
import { buildChatRequest } from './chat-request';

describe('buildChatRequest', () => {
  it('puts the system prompt first and sends answers without thinking', () => {
    const body = buildChatRequest(
      [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'assistant', content: '   ' },
        { role: 'user', content: 'Again' },
      ],
      'Be brief',
      { temperature: 0.5 },
    );
    expect(body).toEqual({
      messages: [
        { role: 'system', content: 'Be brief' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Again' },
      ],
      params: { temperature: 0.5 },
    });
  });

  it('refers to uploaded images by their server key', () => {
    const sha = 'a'.repeat(64);
    const body = buildChatRequest(
      [{ role: 'user', content: 'What is this?', images: [{ key: 'k1', sha256: sha }, { key: 'k2' }] }],
      '',
      {},
    );
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_ref', sha256: sha },
        ],
      },
    ]);
  });

  it('leaves out an empty system prompt', () => {
    expect(buildChatRequest([{ role: 'user', content: 'x' }], '  ', {}).messages).toHaveLength(1);
  });

  it('builds a body the route accepts', () => {
    const sha = 'b'.repeat(64);
    const body = buildChatRequest(
      [
        { role: 'user', content: 'Look', images: [{ key: 'k', sha256: sha }] },
        { role: 'assistant', content: 'A cat' },
        { role: 'user', content: 'Sure?' },
      ],
      'Be brief',
      { temperature: 0.2, max_tokens: 64 },
    );
    expect(chatBodySchema.parse(body)).toEqual(body);
  });
});
