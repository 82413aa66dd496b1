import { describe, expect, it } from 'vitest';
import { chunkText } from './chat-chunks';

describe('chunkText', () => {
  it('keeps short text whole', () => {
    expect(chunkText('')).toEqual(['']);
    expect(chunkText('a\nb')).toEqual(['a\nb']);
  });

  it('cuts at line breaks past the minimum, losslessly', () => {
    const text = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(chunk.length).toBeGreaterThanOrEqual(1500);
    }
  });

  it('cuts a trace without line breaks at spaces, and never moves a finished cut as text grows', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' ');
    const whole = chunkText(words);
    expect(whole.length).toBeGreaterThan(3);
    expect(whole.join('')).toBe(words);
    for (let n = 1000; n < words.length; n += 997) {
      const partial = chunkText(words.slice(0, n));
      // Every chunk but the growing last one is exactly the chunk the whole text has.
      expect(partial.slice(0, -1)).toEqual(whole.slice(0, partial.length - 1));
    }
  });
});
