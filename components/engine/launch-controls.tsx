// Start, Stop and Restart, each enabled only in the states it is allowed in, and what went wrong with the
// last request.
import { Button } from '@/components/ui/button';
import type { ApiError } from '@/lib/api-error';
import { isRunning, canStart as startable, canStop as stoppable } from '@/lib/engine/state-machine';
import type { EngineState } from '@/lib/engine/types';

export interface LaunchControlsProps {
  state: EngineState;
  canLaunch: boolean;
  /** What Start launches, e.g. "Demo engine (no GPU)". */
  launchLabel: string | null;
  isBusy: boolean;
  error: ApiError | null;
  onStart(): void;
  onStop(): void;
  onRestart(): void;
}

export function LaunchControls({
  state,
  canLaunch,
  launchLabel,
  isBusy,
  error,
  onStart,
  onStop,
  onRestart,
}: LaunchControlsProps) {
  const canStart = startable(state);
  const canStop = stoppable(state);
  const canRestart = isRunning(state);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="primary"
          data-testid="start-button"
          disabled={!canStart || !canLaunch || isBusy}
          onClick={onStart}
        >
          Start
        </Button>
        {/* Red only while there is something to stop: a disabled red outline reads as live. */}
        <Button
          variant={canStop ? 'danger' : 'secondary'}
          data-testid="stop-button"
          disabled={!canStop || isBusy}
          onClick={onStop}
        >
          {state === 'stopping' ? 'Stopping…' : 'Stop'}
        </Button>
        <Button
          data-testid="restart-button"
          disabled={!canRestart || !canLaunch || isBusy}
          onClick={onRestart}
        >
          Restart
        </Button>
        {canStart && (
          <span className={`min-w-0 text-xs ${canLaunch ? 'text-muted-foreground' : 'text-danger'}`}>
            {canLaunch ? launchLabel : 'Check the launch settings below.'}
          </span>
        )}
      </div>
      {error && (
        <p role="alert" data-testid="action-error" className="text-sm text-danger">
          {error.message}
          {error.hint ? ` ${error.hint}` : ''}
        </p>
      )}
    </div>
  );
}
