'use client';
// The machine check before a launch: each probe green, amber or red with its sentence, the GPUs with their
// memory, and other programs holding GPU memory. Folded once the engine is ready.
import { memo } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { RefreshIcon } from '@/components/ui/icons';
import type { useSystem } from '@/hooks/use-system';
import type { GpuProcess, GpuSummary, SystemReport } from '@/lib/system/types';
import { CheckDot } from './check-dot';
import { CollapsibleSection } from './collapsible-section';

export interface MachineCheckProps {
  system: ReturnType<typeof useSystem>;
  autoOpen: boolean;
}

function summaryOf(report: SystemReport | undefined): string {
  if (!report) return 'checking…';
  const errors = report.items.filter((i) => i.status === 'error').length;
  const warnings = report.items.filter((i) => i.status === 'warn').length;
  if (!errors && !warnings) return 'all good';
  const parts = [
    errors && `${errors} problem${errors > 1 ? 's' : ''}`,
    warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`,
  ];
  return parts.filter(Boolean).join(', ');
}

export const MachineCheck = memo(function MachineCheck({ system, autoOpen }: MachineCheckProps) {
  const { report, error, isRefreshing, refresh } = system;
  return (
    <CollapsibleSection
      title="Machine check"
      summary={summaryOf(report)}
      autoOpen={autoOpen}
      data-testid="machine-check"
      actions={
        <IconButton
          size="sm"
          label="Check the machine again"
          data-testid="machine-refresh"
          disabled={isRefreshing}
          onClick={() => void refresh()}
        >
          <RefreshIcon size={15} className={isRefreshing ? 'animate-spin' : ''} />
        </IconButton>
      }
    >
      {error && !report && (
        <p className="text-sm text-danger">Could not run the machine check: {error.message}</p>
      )}
      {!report && !error && (
        <p className="text-sm text-muted-foreground">Checking the GPU, Python and vLLM…</p>
      )}
      {report && (
        <div className="flex flex-col gap-3">
          <ul className="flex flex-col gap-2">
            {report.items.map((item) => (
              <li
                key={item.id}
                data-testid="check-item"
                data-id={item.id}
                data-status={item.status}
                className="flex gap-2"
              >
                <CheckDot status={item.status} />
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
                    <span className="font-medium">{item.label}</span>
                    <span className="font-mono text-xs text-muted-foreground">{item.value}</span>
                  </p>
                  <p className="text-xs text-muted-foreground">{item.sentence}</p>
                </div>
              </li>
            ))}
          </ul>
          {report.gpus.length > 0 && <Gpus gpus={report.gpus} />}
          <Processes processes={report.gpuProcesses} />
        </div>
      )}
    </CollapsibleSection>
  );
});

function Gpus({ gpus }: { gpus: GpuSummary[] }) {
  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-xs font-medium text-muted-foreground">GPUs</h4>
      {gpus.map((gpu) => {
        const share =
          gpu.memoryTotalMiB && gpu.memoryUsedMiB !== null ? gpu.memoryUsedMiB / gpu.memoryTotalMiB : null;
        return (
          <div key={gpu.index} data-testid="gpu" className="flex flex-col gap-1">
            <p className="flex justify-between gap-2 text-sm">
              <span className="truncate">
                {gpu.index}: {gpu.name}
              </span>
              <span className="shrink-0 font-mono text-xs text-muted-foreground">
                sm {gpu.computeCapability?.toFixed(1) ?? '?'}
              </span>
            </p>
            <div className="h-1.5 overflow-hidden rounded-full bg-muted">
              <div className="h-full bg-primary" style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
            </div>
            <p className="text-xs text-muted-foreground">
              {gpu.memoryUsedMiB === null ? '?' : (gpu.memoryUsedMiB / 1024).toFixed(1)} of{' '}
              {gpu.memoryTotalMiB === null ? '?' : (gpu.memoryTotalMiB / 1024).toFixed(1)} GiB in use
            </p>
          </div>
        );
      })}
    </div>
  );
}

function Processes({ processes }: { processes: GpuProcess[] }) {
  const others = processes.filter((p) => !p.isCurrentEngine);
  if (others.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <h4 className="text-xs font-medium text-muted-foreground">Other programs on the GPU</h4>
      <ul data-testid="gpu-processes" className="flex flex-col gap-0.5 font-mono text-xs">
        {others.map((p) => (
          <li key={p.pid} className="flex justify-between gap-2">
            <span className="truncate">
              {p.pid} {p.name}
            </span>
            <span className="shrink-0 text-muted-foreground">{p.usedMemoryMiB ?? '?'} MiB</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
