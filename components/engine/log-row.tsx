// One line of the log, one row high or, wrapped, as many rows as its text needs (the list is windowed and
// places rows by these heights): coloured by level, search matches marked.
import { memo } from 'react';
import type { ClientLogLine } from '@/lib/client/log-level';
import { highlightSegments } from '@/lib/client/log-search';
import { shownText } from '@/lib/client/log-wrap';

export const ROW_HEIGHT = 18;

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
  /** Broken across rows to fit the pane; otherwise one row that scrolls sideways. */
  isWrapped: boolean;
  /** Its height in px, from the list's layout. */
  height: number;
}

export const LogRow = memo(function LogRow(props: LogRowProps) {
  const { line, query, isActive, isMarked, isShort, isWrapped, height } = props;
  const text = shownText(line.text, isShort);
  const tone = line.level === 'info' && line.stream === 'system' ? 'text-primary' : TONE[line.level];
  const emphasis = isMarked
    ? 'bg-primary/20 shadow-[inset_3px_0_0_var(--primary)]'
    : isActive
      ? 'bg-primary/10'
      : '';
  // break-spaces + break-all: every character takes one cell, so the rows are what log-wrap counted.
  const wrap = isWrapped ? 'whitespace-break-spaces break-all' : 'whitespace-pre';
  return (
    <div
      data-testid="log-line"
      data-seq={line.seq}
      data-level={line.level}
      data-stream={line.stream}
      data-probe={line.probe || undefined}
      data-marked={isMarked || undefined}
      data-active={isActive || undefined}
      title={isShort && text !== line.text ? line.text : undefined}
      style={{ height, lineHeight: `${ROW_HEIGHT}px` }}
      className={`overflow-hidden px-3 ${wrap} ${tone} ${emphasis}`}
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
