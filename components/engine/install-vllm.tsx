'use client';
// "Install vLLM" when the machine check finds none: a version (empty = the default release, in the build
// that fits the driver), the plan the server would run for it, the job's current step while it runs,
// Cancel, and its failure explained like a launch failure.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useInstallPlan } from '@/hooks/use-install-plan';
import type { Diagnosis } from '@/lib/diagnosis';
import type { InstallJobStatus } from '@/lib/engine/types';
import { DiagnosisCard } from './diagnosis-card';
import { InstallPlanSummary } from './install-plan-summary';

export interface InstallVllmProps {
  job: InstallJobStatus | null;
  /** Why vLLM is needed, from the machine check (null when it is installed). */
  missing: string | null;
  canInstall: boolean;
  onInstall(version: string): void;
  onCancel(): void;
  onQuoteClick(seq: number): void;
}

export function InstallVllm({
  job,
  missing,
  canInstall,
  onInstall,
  onCancel,
  onQuoteClick,
}: InstallVllmProps) {
  const [version, setVersion] = useState('');
  const isRunning = job?.state === 'running';
  const { plan, isValid } = useInstallPlan(version, Boolean(missing || job) && !isRunning);
  if (!missing && !job) return null;
  const isRefused = Boolean(plan?.refusal);
  return (
    <div data-testid="install-vllm" className="flex flex-col gap-2 rounded-md border border-border p-3">
      <p className="text-sm font-medium">Install vLLM</p>
      {missing && !isRunning && <p className="text-xs text-muted-foreground">{missing}</p>}
      {isRunning ? (
        <div className="flex flex-col gap-2">
          <p data-testid="install-step" className="text-sm">
            <span className="mr-2 inline-block size-2 animate-pulse rounded-full bg-primary" />
            {job.step ?? `Installing vLLM ${job.version}…`}
          </p>
          <div className="h-1.5 overflow-hidden rounded-full bg-muted">
            <div className="h-full w-1/3 animate-pulse rounded-full bg-primary" />
          </div>
          <Button data-testid="install-cancel" onClick={onCancel} className="self-start">
            Cancel
          </Button>
        </div>
      ) : (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            onInstall(version);
          }}
        >
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-muted-foreground">
            Version
            <input
              value={version}
              onChange={(e) => setVersion(e.target.value)}
              placeholder="default (the build matches the driver)"
              aria-invalid={!isValid}
              className="h-9 min-w-0 rounded-md border border-border bg-card px-2.5 font-mono text-sm text-foreground"
            />
          </label>
          <Button
            type="submit"
            variant="primary"
            data-testid="install-button"
            disabled={!canInstall || !isValid || isRefused}
          >
            Install vLLM
          </Button>
          {!isValid && (
            <p className="w-full text-xs text-danger">
              A version number like 0.31.0, or empty for the default.
            </p>
          )}
        </form>
      )}
      {!isRunning && isValid && plan && <InstallPlanSummary plan={plan} />}
      {job && job.state !== 'running' && <JobOutcome job={job} onQuoteClick={onQuoteClick} />}
    </div>
  );
}

function JobOutcome({ job, onQuoteClick }: { job: InstallJobStatus; onQuoteClick(seq: number): void }) {
  if (job.state === 'succeeded')
    return <p className="text-sm text-success">vLLM {job.version} is installed; launches use it now.</p>;
  if (job.state === 'cancelled')
    return <p className="text-sm text-muted-foreground">The install was cancelled.</p>;
  const diagnosis: Diagnosis | null = job.diagnosis;
  if (diagnosis)
    return (
      <div className="flex flex-col gap-2">
        {job.error && <p className="text-xs text-danger">{job.error}</p>}
        <DiagnosisCard
          diagnosis={diagnosis}
          context="Install failed"
          onQuoteClick={onQuoteClick}
          data-testid="install-diagnosis"
        />
      </div>
    );
  return <p className="text-sm text-danger">The install failed{job.error ? `: ${job.error}` : '.'}</p>;
}
