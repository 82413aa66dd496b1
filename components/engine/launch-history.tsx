'use client';
// The last launches: profile, outcome ("ready after 42 s", "crashed (exit 1): CUDA out of memory"), how long
// it ran, and "Launch again with these settings".
import { memo } from 'react';
import type { LaunchRecord } from '@/hooks/use-engine-history';
import { describeOutcome, formatAgo, formatDuration } from '@/lib/client/engine-format';
import type { ProfileSummary } from '@/lib/client/types';
import { CollapsibleSection } from './collapsible-section';

export interface LaunchHistoryProps {
  launches: LaunchRecord[] | undefined;
  profiles: ProfileSummary[];
  canLaunch: boolean;
  autoOpen: boolean;
  onLaunchAgain(launch: LaunchRecord): void;
}

const SHOWN = 10;
const TONE: Record<LaunchRecord['outcome'], string> = {
  ready: 'text-success',
  crashed: 'text-danger',
  failed: 'text-danger',
  stopped: 'text-muted-foreground',
  running: 'text-muted-foreground',
};

export const LaunchHistory = memo(function LaunchHistory({
  launches,
  profiles,
  canLaunch,
  autoOpen,
  onLaunchAgain,
}: LaunchHistoryProps) {
  const now = Date.now();
  const shown = [...(launches ?? [])].sort((a, b) => b.startedAt - a.startedAt).slice(0, SHOWN);
  const label = (id: string) => profiles.find((p) => p.id === id)?.label ?? id;
  return (
    <CollapsibleSection
      title="Launch history"
      summary={launches ? `${launches.length} launch${launches.length === 1 ? '' : 'es'}` : undefined}
      autoOpen={autoOpen}
      data-testid="launch-history"
    >
      {shown.length === 0 ? (
        <p className="text-sm text-muted-foreground">No launch has finished yet.</p>
      ) : (
        <ol className="flex flex-col divide-y divide-border">
          {shown.map((launch) => (
            <li
              key={launch.launchId}
              data-testid="history-entry"
              data-outcome={launch.outcome}
              className="flex flex-col gap-1 py-2 first:pt-0 last:pb-0"
            >
              <p className="flex items-baseline justify-between gap-2 text-sm">
                <span className="min-w-0 truncate font-medium">{label(launch.profile)}</span>
                <span className="shrink-0 text-xs text-muted-foreground">
                  {formatAgo(launch.startedAt, now)}
                </span>
              </p>
              <p className={`text-xs break-words ${TONE[launch.outcome]}`}>{describeOutcome(launch)}</p>
              <p className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
                <span className="min-w-0 truncate font-mono">
                  ran {formatDuration(launch.endedAt - launch.startedAt)}
                  {typeof launch.options.maxModelLen === 'number'
                    ? ` · ctx ${launch.options.maxModelLen.toLocaleString('en')}`
                    : ''}
                </span>
                <button
                  type="button"
                  data-testid="launch-again"
                  disabled={!canLaunch}
                  title={canLaunch ? undefined : 'Stop the engine first'}
                  onClick={() => onLaunchAgain(launch)}
                  className="shrink-0 rounded-md px-2 py-1 font-medium text-primary transition hover:bg-primary/10 disabled:text-muted-foreground disabled:opacity-60"
                >
                  Launch again with these settings
                </button>
              </p>
            </li>
          ))}
        </ol>
      )}
    </CollapsibleSection>
  );
});
