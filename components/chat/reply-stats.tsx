// The figures under a finished reply: time to first token, decode speed, and where the tokens went.
import { formatCount, formatRate, formatSeconds, replyStats } from '@/lib/client/chat-stats';
import type { Usage } from '@/lib/client/conversations/types';

export interface ReplyStatsProps {
  usage: Usage | null | undefined;
  ttftMs: number | null | undefined;
  durationMs: number | null | undefined;
}

export function ReplyStats({ usage, ttftMs, durationMs }: ReplyStatsProps) {
  const stats = replyStats(usage, ttftMs, durationMs);
  const tokens = [
    stats.promptTokens !== null && `${formatCount(stats.promptTokens)} prompt`,
    stats.thinkingTokens !== null && `${formatCount(stats.thinkingTokens)} thinking`,
    stats.answerTokens !== null && `${formatCount(stats.answerTokens)} answer`,
  ].filter(Boolean);
  if (stats.ttftMs === null && stats.tokensPerSecond === null && tokens.length === 0) return null;
  return (
    <p
      data-testid="reply-stats"
      className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted-foreground tabular-nums"
    >
      {stats.ttftMs !== null && (
        <span title="Time to first token" className="whitespace-nowrap">
          {formatSeconds(stats.ttftMs)} to first token
        </span>
      )}
      {stats.tokensPerSecond !== null && (
        <span title="Decode speed after the first token" className="whitespace-nowrap">
          {formatRate(stats.tokensPerSecond)}
        </span>
      )}
      {tokens.length > 0 && (
        <span title="Tokens: prompt, thinking, answer" className="whitespace-nowrap">
          {tokens.join(' · ')}
        </span>
      )}
    </p>
  );
}
