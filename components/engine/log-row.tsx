// One line of the log, at a fixed height (the list is windowed): coloured by level, search matches marked.
import { memo } from 'react';
import { shortLine } from '@/lib/client/log-display';
import type { ClientLogLine } from '@/lib/client/log-level';
import { highlightSegments } from '@/lib/client/log-search';

export const ROW_HEIGHT = 18;
/** Longer lines are cut on screen (copy all and the download have them whole). */
const MAX_SHOWN_CHARS = 2000;

const TONE = {
  error: 'bg-danger/[0.07] text-danger',
  warning: 'bg-warning/[0.07] text-warning',
  info: '',
} as const;

export interface LogRowProps {
  line: ClientLogLine;
  query: string;
  isActive: boolean;
  isMarked: boolean;
  /** Without the process prefix and date (the full line is the row's tooltip). */
  isShort: boolean;
}

export const LogRow = memo(function LogRow({ line, query, isActive, isMarked, isShort }: LogRowProps) {
  const full = isShort ? shortLine(line.text) : line.text;
  const text = full.length > MAX_SHOWN_CHARS ? `${full.slice(0, MAX_SHOWN_CHARS)} …` : full;
  const tone = line.level === 'info' && line.stream === 'system' ? 'text-primary' : TONE[line.level];
  const emphasis = isMarked
    ? 'bg-primary/20 shadow-[inset_3px_0_0_var(--primary)]'
    : isActive
      ? 'bg-primary/10'
      : '';
  return (
    <div
      data-testid="log-line"
      data-seq={line.seq}
      data-level={line.level}
      data-stream={line.stream}
      data-marked={isMarked || undefined}
      data-active={isActive || undefined}
      title={isShort && full !== line.text ? line.text : undefined}
      style={{ height: ROW_HEIGHT, lineHeight: `${ROW_HEIGHT}px` }}
      className={`overflow-hidden px-3 whitespace-pre ${tone} ${emphasis}`}
    >
      {text === '' ? '\u00a0' : query ? <Highlighted text={text} query={query} /> : text}
    </div>
  );
});

function Highlighted({ text, query }: { text: string; query: string }) {
  let offset = 0;
  return highlightSegments(text, query).map((segment) => {
    const key = offset;
    offset += segment.text.length;
    return segment.isMatch ? (
      <mark key={key} className="rounded-[2px] bg-warning/35 text-inherit">
        {segment.text}
      </mark>
    ) : (
      <span key={key}>{segment.text}</span>
    );
  });
}
