import type { EngineState } from '@/lib/engine/types';

const STYLES: Record<EngineState, string> = {
  stopped: 'bg-muted text-muted-foreground',
  starting: 'bg-warning/15 text-warning',
  ready: 'bg-success/15 text-success',
  stopping: 'bg-warning/15 text-warning',
  crashed: 'bg-danger/15 text-danger',
  failed: 'bg-danger/15 text-danger',
  orphaned: 'bg-danger/15 text-danger',
};

export function StateBadge({ state, healthy = true }: { state: EngineState; healthy?: boolean }) {
  const unhealthy = state === 'ready' && !healthy;
  return (
    <span
      data-testid="engine-state"
      data-state={state}
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${unhealthy ? STYLES.failed : STYLES[state]}`}
    >
      <span
        aria-hidden
        className={`size-1.5 rounded-full bg-current ${state === 'starting' || state === 'stopping' ? 'animate-pulse' : ''}`}
      />
      {unhealthy ? 'unhealthy' : state}
    </span>
  );
}
