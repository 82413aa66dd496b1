// What went wrong, in plain words: the title, the explanation, the log line that shows it (a button that
// scrolls the log there when the line is in it) and what to do, with a one-click fix when the fix is an
// option change.
import { AlertIcon } from '@/components/ui/icons';
import { formatCount } from '@/lib/diagnosis/patches';
import type { Diagnosis } from '@/lib/diagnosis/types';

/** vLLM's own estimate of the context that fits, in its KV-cache error. */
const ESTIMATE = /estimated maximum model length is (\d+)/i;

export interface DiagnosisCardProps {
  diagnosis: Diagnosis;
  /** Where the diagnosis came from, shown above the title: "Launch failed", "From the pasted log". */
  context?: string;
  onQuoteClick?(seq: number): void;
  onApplyPatch?(): void;
  isPatchDisabled?: boolean;
  /** The fix button's text when it does something else than relaunch (default: the patch's own label). */
  patchLabel?: string;
  'data-testid'?: string;
}

export function DiagnosisCard({
  diagnosis,
  context,
  onQuoteClick,
  onApplyPatch,
  isPatchDisabled,
  patchLabel,
  ...rest
}: DiagnosisCardProps) {
  const estimate = ESTIMATE.exec(diagnosis.line.text)?.[1];
  const isWarning = diagnosis.severity === 'warning';
  const tone = isWarning ? 'border-warning/40 bg-warning/5' : 'border-danger/40 bg-danger/5';
  const accent = isWarning ? 'text-warning' : 'text-danger';
  const { seq } = diagnosis.line;
  return (
    <section
      role={isWarning ? 'status' : 'alert'}
      aria-label={diagnosis.title}
      data-testid={rest['data-testid'] ?? 'diagnosis-card'}
      data-category={diagnosis.category}
      className={`flex flex-col gap-2 rounded-lg border p-3 ${tone}`}
    >
      <div className="flex items-start gap-2">
        <AlertIcon size={16} className={`mt-0.5 shrink-0 ${accent}`} />
        <div className="min-w-0">
          {context && (
            <p className={`text-[11px] font-medium uppercase tracking-wide ${accent}`}>{context}</p>
          )}
          <h3 data-testid="diagnosis-title" className="text-sm font-semibold">
            {diagnosis.title}
          </h3>
        </div>
      </div>
      <p className="text-sm text-foreground/90">{diagnosis.explanation}</p>
      {seq !== undefined && onQuoteClick ? (
        <button
          type="button"
          data-testid="diagnosis-line"
          data-seq={seq}
          title="Show this line in the log"
          onClick={() => onQuoteClick(seq)}
          className="rounded-md border-l-2 border-current bg-background/70 px-2.5 py-1.5 text-left font-mono text-xs break-words text-muted-foreground transition hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        >
          {diagnosis.line.text}
        </button>
      ) : (
        <blockquote
          data-testid="diagnosis-line"
          className="rounded-md border-l-2 border-current bg-background/70 px-2.5 py-1.5 font-mono text-xs break-words text-muted-foreground"
        >
          {diagnosis.line.text}
        </blockquote>
      )}
      {estimate && (
        <p data-testid="diagnosis-estimate" className="text-sm">
          vLLM estimates that a context of up to{' '}
          <span className="font-mono font-semibold">{formatCount(Number(estimate))}</span> tokens fits in the
          memory left.
        </p>
      )}
      <p className="text-sm">
        <span className="font-medium">What to do: </span>
        <span data-testid="diagnosis-fix">{diagnosis.fix}</span>
      </p>
      {diagnosis.patch && onApplyPatch && (
        <button
          type="button"
          data-testid="diagnosis-patch"
          disabled={isPatchDisabled}
          onClick={onApplyPatch}
          className="inline-flex h-9 items-center justify-center self-start rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground transition hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:cursor-not-allowed disabled:opacity-50"
        >
          {patchLabel ?? diagnosis.patch.label}
        </button>
      )}
    </section>
  );
}
