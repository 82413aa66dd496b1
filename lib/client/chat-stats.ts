// Per-reply figures shown under an answer: time to first token, decode speed and token counts.
import type { Usage } from './conversations/types';

export interface ReplyStats {
  ttftMs: number | null;
  /** Completion tokens over the decode time (duration minus time to first token). */
  tokensPerSecond: number | null;
  promptTokens: number | null;
  /** Null when the engine does not say how many tokens went to thinking. */
  thinkingTokens: number | null;
  answerTokens: number | null;
}

export function replyStats(
  usage: Usage | null | undefined,
  ttftMs: number | null | undefined,
  durationMs: number | null | undefined,
): ReplyStats {
  const ttft = ttftMs ?? null;
  const decodeMs = ttft !== null && durationMs != null ? durationMs - ttft : null;
  const tokensPerSecond =
    usage && decodeMs !== null && decodeMs > 0 && usage.completion > 0
      ? usage.completion / (decodeMs / 1000)
      : null;
  const thinkingTokens = usage?.reasoning ?? null;
  return {
    ttftMs: ttft,
    tokensPerSecond,
    promptTokens: usage?.prompt ?? null,
    thinkingTokens,
    answerTokens: usage ? Math.max(0, usage.completion - (thinkingTokens ?? 0)) : null,
  };
}

/** "0.42 s", "12 s", "2 min 5 s": short and stable in width for the common range. */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(seconds < 1 ? 2 : 1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/** Whole seconds for the thinking label ("Thought for 12 s"); never "0 s" once it took any time. */
export function formatThinking(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function formatRate(tokensPerSecond: number): string {
  return `${tokensPerSecond >= 100 ? Math.round(tokensPerSecond) : tokensPerSecond.toFixed(1)} tok/s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en');
}
