import { describe, expect, it } from 'vitest';
import { planEdit, planRegenerate, planSend } from './chat-turns';
import type { ChatMessage } from './conversations/types';

const row = (seq: number, role: ChatMessage['role'], content: string): ChatMessage => ({
  id: `m${seq}`,
  conversationId: 'c',
  seq,
  role,
  content,
  createdAt: 0,
  updatedAt: 0,
  status: 'done',
});
const history = [
  row(0, 'user', 'first'),
  row(1, 'assistant', 'a1'),
  row(2, 'user', 'second'),
  row(3, 'assistant', 'a2'),
];

describe('turn plans', () => {
  it('sends after the last message and titles only the first question', () => {
    const first = planSend('c', true, [], '# Hello there', () => 'u1', 5);
    expect(first.title).toBe('Hello there');
    expect(first.replySeq).toBe(1);
    expect(first.change.add[0]).toMatchObject({ id: 'u1', seq: 0, role: 'user', content: '# Hello there' });
    const later = planSend('c', false, history, 'third', () => 'u2');
    expect(later.title).toBeUndefined();
    expect(later.sent.map((m) => m.content)).toEqual(['first', 'a1', 'second', 'a2', 'third']);
    expect(later.replySeq).toBe(5);
  });

  it('regenerates a reply from the turns before it and drops it and what follows', () => {
    const plan = planRegenerate('c', history, 'm1');
    expect(plan?.sent.map((m) => m.content)).toEqual(['first']);
    expect(plan?.change.dropFromSeq).toBe(1);
    expect(plan?.replySeq).toBe(1);
    expect(planRegenerate('c', history, 'm0')).toBeNull();
    expect(planRegenerate('c', history, 'missing')).toBeNull();
  });

  it('edits a user message, drops the later turns and retitles the first question', () => {
    const plan = planEdit('c', history, 'm0', 'changed');
    expect(plan?.sent).toEqual([{ role: 'user', content: 'changed' }]);
    expect(plan?.change).toMatchObject({
      dropFromSeq: 1,
      update: [{ id: 'm0', changes: { content: 'changed' } }],
    });
    expect(plan?.title).toBe('changed');
    const second = planEdit('c', history, 'm2', 'again');
    expect(second?.title).toBeUndefined();
    expect(second?.sent.map((m) => m.content)).toEqual(['first', 'a1', 'again']);
    expect(planEdit('c', history, 'm1', 'x')).toBeNull();
  });

  it('carries images with the message, titles an image-only question by its file, keeps them on edit', () => {
    const image = { key: 'k1', sha256: 'k1', name: 'Receipt scan.jpeg', width: 10, height: 10 };
    const plan = planSend('c', true, [], '', () => 'u1', 5, [image]);
    expect(plan.change.add[0]?.images).toEqual([image]);
    expect(plan.sent.at(-1)?.images).toEqual([image]);
    expect(plan.title).toBe('Receipt scan');
    expect(planSend('c', true, [], 'hi', () => 'u1', 5).change.add[0]).not.toHaveProperty('images');

    const withImage = [{ ...row(0, 'user', 'what is it'), images: [image] }, row(1, 'assistant', 'a')];
    expect(planEdit('c', withImage, 'm0', 'and now?')?.sent).toEqual([
      { role: 'user', content: 'and now?', images: [image] },
    ]);
  });
});
