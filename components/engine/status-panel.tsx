'use client';
// The engine at a glance: state, model, uptime, the startup progress while it starts, live figures once it
// is ready, and the controls (passed in by the console).
import type { ReactNode } from 'react';
import { useEngineClock } from '@/hooks/use-engine-clock';
import { useEngineMetrics } from '@/hooks/use-engine-metrics';
import { formatClock } from '@/lib/client/engine-format';
import type { StageTimeline } from '@/lib/client/engine-stages';
import type { EngineStatus } from '@/lib/engine/types';
import { LiveMetrics } from './live-metrics';
import { StageProgress } from './stage-progress';
import { StateBadge } from './state-badge';

export interface StatusPanelProps {
  status: EngineStatus | null;
  timeline: StageTimeline;
  connected: boolean;
  /** A diagnosis banner explains the failure: the raw error is kept short here. */
  isExplained?: boolean;
  children?: ReactNode;
}

const ENDED = new Set(['crashed', 'failed', 'orphaned']);
/** States in which the model shown is the one running (or about to): otherwise it is the last launch's. */
const LIVE = new Set(['starting', 'ready', 'stopping', 'orphaned']);

export function StatusPanel({ status, timeline, connected, isExplained, children }: StatusPanelProps) {
  const state = status?.state ?? 'stopped';
  const isStarting = state === 'starting';
  const isReady = state === 'ready';
  const now = useEngineClock(isStarting || isReady);
  const { metrics, samples } = useEngineMetrics(isReady, status?.launchId ?? null);
  const upSince = isReady ? status?.readyAt : isStarting ? status?.startedAt : null;
  const showStages = timeline.launchId === status?.launchId && timeline.entries.length > 0;
  return (
    <section
      aria-label="Engine status"
      className="flex flex-col gap-3 rounded-lg border border-border bg-card p-3"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {status ? (
          <StateBadge state={state} healthy={status.health?.ok ?? true} />
        ) : (
          <span className="text-xs text-muted-foreground">
            {connected ? 'Reading the status…' : 'Connecting…'}
          </span>
        )}
        {status?.model && (
          <span
            data-testid="model-id"
            className={`min-w-0 truncate font-mono text-sm ${isReady ? '' : 'text-muted-foreground'}`}
            title={
              LIVE.has(state) ? undefined : 'The model of the last launch, not the profile selected below'
            }
          >
            {LIVE.has(state) ? null : <span className="font-sans text-xs">Last launch: </span>}
            {status.model.id}
            {status.model.maxModelLen ? (
              <span className="text-muted-foreground">
                {' '}
                · {status.model.maxModelLen.toLocaleString('en')} ctx
              </span>
            ) : null}
          </span>
        )}
        {upSince ? (
          <span
            data-testid="uptime"
            title={isReady ? 'Time since the engine became ready' : 'Time since the launch began'}
            className="ml-auto font-mono text-xs tabular-nums text-muted-foreground"
          >
            {isReady ? 'up ' : ''}
            {formatClock(now - upSince)}
          </span>
        ) : null}
      </div>
      {showStages && <StageProgress timeline={timeline} isStarting={isStarting} now={now} />}
      {isReady && <LiveMetrics metrics={metrics} samples={samples} />}
      {status?.warning && (
        <p data-testid="engine-warning" className="rounded-md bg-warning/10 px-3 py-2 text-sm text-warning">
          {status.warning}
        </p>
      )}
      {status?.error && ENDED.has(state) && (
        <p
          data-testid="engine-error"
          title={isExplained ? status.error : undefined}
          className="rounded-md bg-danger/10 px-3 py-2 font-mono text-xs break-words text-danger"
        >
          <span className={isExplained ? 'line-clamp-2' : undefined}>
            {status.exit ? `exit ${status.exit.signal ?? status.exit.code}: ` : ''}
            {status.error}
          </span>
        </p>
      )}
      {children}
    </section>
  );
}
