import { describe, expect, it } from 'vitest';
import { formatRate, formatSeconds, formatThinking, replyStats } from './chat-stats';

describe('replyStats', () => {
  it('computes decode speed over the time after the first token', () => {
    const stats = replyStats({ prompt: 120, completion: 200, reasoning: 60 }, 500, 2500);
    expect(stats.tokensPerSecond).toBe(100);
    expect(stats.ttftMs).toBe(500);
    expect(stats.promptTokens).toBe(120);
    expect(stats.thinkingTokens).toBe(60);
    expect(stats.answerTokens).toBe(140);
  });

  it('counts everything as answer when the engine does not report thinking tokens', () => {
    const stats = replyStats({ prompt: 1, completion: 30 }, 100, 1100);
    expect(stats.thinkingTokens).toBeNull();
    expect(stats.answerTokens).toBe(30);
  });

  it('has no speed without a first token or a decode time', () => {
    expect(replyStats({ prompt: 1, completion: 0 }, null, 100).tokensPerSecond).toBeNull();
    expect(replyStats({ prompt: 1, completion: 5 }, 100, 100).tokensPerSecond).toBeNull();
    expect(replyStats(null, 100, 200).answerTokens).toBeNull();
  });
});

describe('formatting', () => {
  it('formats seconds, thinking time and rates', () => {
    expect(formatSeconds(420)).toBe('0.42 s');
    expect(formatSeconds(4200)).toBe('4.2 s');
    expect(formatSeconds(12_400)).toBe('12 s');
    expect(formatSeconds(125_000)).toBe('2 min 5 s');
    expect(formatThinking(200)).toBe('1 s');
    expect(formatThinking(12_400)).toBe('12 s');
    expect(formatThinking(61_000)).toBe('1 min 1 s');
    expect(formatRate(38.24)).toBe('38.2 tok/s');
    expect(formatRate(212.6)).toBe('213 tok/s');
  });
});
