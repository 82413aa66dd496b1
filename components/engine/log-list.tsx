'use client';
// The log as a windowed list: rows of one height, only those near the viewport in the DOM, so 100,000 lines
// scroll like 100. Following and holding still is use-log-scroll's.
import type { Ref } from 'react';
import { type LogScrollHandle, useLogScroll } from '@/hooks/use-log-scroll';
import type { ClientLogLine } from '@/lib/client/log-level';
import { visibleRange } from '@/lib/client/log-window';
import { LogRow, ROW_HEIGHT } from './log-row';

const OVERSCAN = 30;

export type LogListHandle = LogScrollHandle;

export interface LogListProps {
  lines: ClientLogLine[];
  query: string;
  activeSeq: number | null;
  markedSeq: number | null;
  isShort: boolean;
  onFollowChange(isFollowing: boolean): void;
  ref?: Ref<LogListHandle>;
}

export function LogList({ lines, query, activeSeq, markedSeq, isShort, onFollowChange, ref }: LogListProps) {
  const { box, isFollowing, scrollTop, height, handlers } = useLogScroll(
    lines,
    ROW_HEIGHT,
    onFollowChange,
    ref,
  );
  const count = lines.length;
  const viewport = height || 400;
  const { start, end } = visibleRange({
    scrollTop: isFollowing ? Math.max(0, count * ROW_HEIGHT - viewport) : scrollTop,
    viewportHeight: viewport,
    rowHeight: ROW_HEIGHT,
    count,
    overscan: OVERSCAN,
  });

  return (
    <div
      ref={box}
      role="log"
      aria-live="off"
      aria-label="Engine log lines"
      data-testid="log-view"
      data-following={isFollowing}
      {...handlers}
      className="h-full overflow-auto overscroll-contain bg-log font-mono text-xs focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
    >
      <div className="relative min-w-full" style={{ height: count * ROW_HEIGHT }}>
        <div
          className="absolute top-0 left-0 w-max min-w-full"
          style={{ transform: `translateY(${start * ROW_HEIGHT}px)` }}
        >
          {lines.slice(start, end).map((line) => (
            <LogRow
              key={line.seq}
              line={line}
              query={query}
              isActive={line.seq === activeSeq}
              isMarked={line.seq === markedSeq}
              isShort={isShort}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
