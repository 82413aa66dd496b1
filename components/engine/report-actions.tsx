'use client';
// The bug-report bundle: copy it, or download it as a Markdown file. Built only when asked.
import { DownloadIcon } from '@/components/ui/icons';
import { downloadText } from '@/lib/client/download';
import { ACTION_BUTTON, CopyAction } from './copy-action';

export function ReportActions({ build }: { build(): string }) {
  return (
    <section
      aria-label="Report"
      className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg border border-border bg-card px-3 py-2"
    >
      <div className="mr-auto min-w-0">
        <h3 className="text-sm font-medium">Bug report</h3>
        <p className="text-xs text-muted-foreground">
          Command, changed options, machine check, diagnosis, last 200 lines; secrets masked.
        </p>
      </div>
      <CopyAction text={build} label="Copy the report as Markdown" data-testid="report-copy">
        Copy
      </CopyAction>
      <button
        type="button"
        data-testid="report-download"
        className={ACTION_BUTTON}
        onClick={() =>
          downloadText(
            `vlm-console-report-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.md`,
            build(),
            'text/markdown',
          )
        }
      >
        <DownloadIcon size={14} />
        <span>Download</span>
      </button>
    </section>
  );
}
