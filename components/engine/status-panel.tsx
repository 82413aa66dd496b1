import type { EngineStatus } from '@/lib/engine/types';
import { StateBadge } from './state-badge';

export function StatusPanel({ status }: { status: EngineStatus }) {
  const { stage } = status;
  const progress = stage?.progress;
  return (
    <section
      aria-label="Engine status"
      className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4"
    >
      <div className="flex flex-wrap items-center gap-3">
        <StateBadge state={status.state} healthy={status.health?.ok ?? true} />
        {status.model && (
          <span data-testid="model-id" className="font-mono text-sm">
            {status.model.id}
            {status.model.maxModelLen ? ` · ${status.model.maxModelLen.toLocaleString('en')} ctx` : ''}
          </span>
        )}
        {status.pid && <span className="text-xs text-muted-foreground">pid {status.pid}</span>}
      </div>
      {stage && status.state === 'starting' && (
        <div className="flex flex-col gap-1.5">
          <div className="flex justify-between text-sm">
            <span data-testid="stage-name">{stage.name}</span>
            <span className="text-muted-foreground">
              {stage.detail ?? (progress !== undefined ? `${Math.round(progress * 100)} %` : '')}
            </span>
          </div>
          <div
            className="h-1.5 overflow-hidden rounded-full bg-muted"
            role="progressbar"
            aria-label={stage.name}
          >
            <div
              className={`h-full rounded-full bg-primary transition-[width] ${progress === undefined ? 'w-1/3 animate-pulse' : ''}`}
              style={progress === undefined ? undefined : { width: `${Math.round(progress * 100)}%` }}
            />
          </div>
        </div>
      )}
      {status.warning && <p className="text-sm text-warning">{status.warning}</p>}
      {status.error &&
        (status.state === 'crashed' || status.state === 'failed' || status.state === 'orphaned') && (
          <p
            data-testid="engine-error"
            className="rounded-md bg-danger/10 px-3 py-2 font-mono text-sm text-danger"
          >
            {status.exit ? `exit ${status.exit.signal ?? status.exit.code}: ` : ''}
            {status.error}
          </p>
        )}
    </section>
  );
}
