// Startup progress: one segment per stage (filled once passed, partly filled by the stage's own progress),
// the current stage's name, detail and clock, and the stages so far with how long each took.

import { formatClock, formatDuration } from '@/lib/client/engine-format';
import { type StageEntry, type StageTimeline, stageElapsed } from '@/lib/client/engine-stages';
import { STAGE_NAMES, type StageName } from '@/lib/engine/types';

const STEPS = STAGE_NAMES.filter((name) => name !== 'ready');

/** 0..1 across the whole startup: completed stages plus the share of the current one. */
export function overallProgress(stage: StageName, progress: number | undefined): number {
  if (stage === 'ready') return 1;
  const index = STEPS.indexOf(stage);
  return Math.max(0, (index + (progress ?? 0)) / STEPS.length);
}

export interface StageProgressProps {
  timeline: StageTimeline;
  isStarting: boolean;
  now: number;
}

export function StageProgress({ timeline, isStarting, now }: StageProgressProps) {
  const current = timeline.entries.at(-1);
  if (!current) return null;
  const index = STEPS.indexOf(current.name as (typeof STEPS)[number]);
  const overall = overallProgress(current.name, current.progress);
  const detail =
    current.detail ?? (current.progress !== undefined ? `${Math.round(current.progress * 100)} %` : null);
  return (
    <div className="flex flex-col gap-2">
      {isStarting && (
        <>
          <div className="flex items-baseline gap-2 text-sm">
            <span data-testid="stage-name" className="min-w-0 truncate font-medium">
              {current.name}
            </span>
            <span className="ml-auto shrink-0 font-mono text-xs tabular-nums text-muted-foreground">
              {formatClock(stageElapsed(current, now))}
            </span>
          </div>
          <div
            role="progressbar"
            aria-label={`Startup: ${current.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(overall * 100)}
            data-testid="stage-progress"
            data-progress={overall.toFixed(3)}
            className="flex gap-0.5"
          >
            {STEPS.map((name, i) => (
              <Segment
                key={name}
                fill={i < index ? 1 : i === index ? current.progress : 0}
                isCurrent={i === index}
              />
            ))}
          </div>
          {detail && (
            <p data-testid="stage-detail" className="line-clamp-2 text-xs text-muted-foreground">
              {detail}
            </p>
          )}
        </>
      )}
      <StageHistory entries={timeline.entries} now={now} />
    </div>
  );
}

function Segment({ fill, isCurrent }: { fill: number | undefined; isCurrent: boolean }) {
  const unknown = isCurrent && fill === undefined;
  return (
    <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-muted">
      <div
        className={`h-full rounded-full bg-primary transition-[width] duration-300 ${unknown ? 'w-full animate-pulse opacity-40' : ''}`}
        style={unknown ? undefined : { width: `${Math.round((fill ?? 0) * 100)}%` }}
      />
    </div>
  );
}

function StageHistory({ entries, now }: { entries: StageEntry[]; now: number }) {
  const shown = entries.filter((e) => e.name !== 'ready');
  if (shown.length === 0) return null;
  const ready = entries.find((e) => e.name === 'ready');
  const first = entries[0];
  return (
    <ol
      data-testid="stage-history"
      className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-muted-foreground"
    >
      {shown.map((entry) => (
        <li key={`${entry.name}-${entry.since}`} data-testid="stage-entry" data-stage={entry.name}>
          <span className={entry.until === null ? 'text-foreground' : ''}>{entry.name}</span>{' '}
          <span className="tabular-nums">{formatDuration(stageElapsed(entry, now))}</span>
        </li>
      ))}
      {ready && first && (
        <li data-testid="stage-total" className="font-medium text-success">
          ready in {formatDuration(ready.since - first.since)}
        </li>
      )}
    </ol>
  );
}
