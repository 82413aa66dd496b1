import { describe, expect, it } from 'vitest';
import { deriveTitle, UNTITLED } from './chat-title';

describe('deriveTitle', () => {
  it('takes the first line without Markdown marks', () => {
    expect(deriveTitle('# What is **this** `image`?\nmore')).toBe('What is this image?');
    expect(deriveTitle('\n\n- [a link](http://x) here')).toBe('a link here');
  });

  it('keeps the whole first line: the view cuts it to its width', () => {
    const text = 'Explain the difference between TCP and UDP with examples from real protocols';
    expect(deriveTitle(text)).toBe(text);
  });

  it('cuts only a very long line, at a word, and marks the cut', () => {
    const title = deriveTitle(`${'word '.repeat(60)}end`);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(201);
  });

  it('falls back when there is no text', () => {
    expect(deriveTitle('   ')).toBe(UNTITLED);
    expect(deriveTitle('```\ncode only\n```')).toBe(UNTITLED);
  });
});
