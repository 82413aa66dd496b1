// The engine at a glance in the top bar: state and model; a click opens the engine console.
import { ChevronRightIcon } from '@/components/ui/icons';
import type { EngineStatus } from '@/lib/engine/types';

const DOT: Record<string, string> = {
  ready: 'bg-success',
  starting: 'bg-warning animate-pulse',
  stopping: 'bg-warning',
  crashed: 'bg-danger',
  failed: 'bg-danger',
  orphaned: 'bg-danger',
  stopped: 'bg-muted-foreground/50',
};

const LABEL: Record<string, string> = {
  ready: 'Ready',
  starting: 'Starting',
  stopping: 'Stopping',
  crashed: 'Crashed',
  failed: 'Failed',
  orphaned: 'Orphaned',
  stopped: 'No model',
};

export interface EngineChipProps {
  status: EngineStatus | null;
  connected: boolean;
  isConsoleOpen: boolean;
  onToggle(): void;
}

export function EngineChip({ status, connected, isConsoleOpen, onToggle }: EngineChipProps) {
  const state = status?.state ?? 'unknown';
  const unhealthy = state === 'ready' && status?.health?.ok === false;
  const stage = state === 'starting' ? status?.stage?.name : undefined;
  const detail = state === 'ready' ? status?.model?.id : stage;
  return (
    <button
      type="button"
      data-testid="engine-chip"
      data-state={state}
      aria-expanded={isConsoleOpen}
      aria-controls="engine-console"
      aria-label={`Engine: ${LABEL[state] ?? 'connecting'}${detail ? `, ${detail}` : ''}. ${isConsoleOpen ? 'Close' : 'Open'} the engine console`}
      onClick={onToggle}
      className="inline-flex h-8 max-w-[13rem] min-w-0 cursor-pointer items-center gap-2 rounded-md border border-input bg-card py-0 pr-2 pl-3 text-xs font-medium shadow-xs transition hover:bg-muted active:translate-y-px focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring aria-expanded:bg-muted sm:max-w-[22rem]"
    >
      <span
        aria-hidden
        className={`size-2 shrink-0 rounded-full ${unhealthy ? 'bg-danger' : (DOT[state] ?? 'bg-muted-foreground/40')} ${connected ? '' : 'opacity-50'}`}
      />
      <span className="shrink-0">{unhealthy ? 'Unhealthy' : (LABEL[state] ?? 'Connecting…')}</span>
      {detail && (
        // On a phone the state alone: the app's name keeps its room (the console shows the model).
        <span className="hidden min-w-0 truncate font-mono font-normal text-muted-foreground min-[26rem]:inline">
          {detail}
        </span>
      )}
      <ChevronRightIcon
        aria-hidden
        data-testid="engine-chip-caret"
        size={14}
        className={`shrink-0 text-muted-foreground transition-transform ${isConsoleOpen ? 'rotate-90' : ''}`}
      />
    </button>
  );
}
