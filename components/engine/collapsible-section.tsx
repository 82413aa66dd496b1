'use client';
// A card of the console with a header that folds it. `autoOpen` is the console's suggestion (open until the
// engine is ready, say): when it changes the card follows it; in between, the person's click wins.
import { type ReactNode, useId, useState } from 'react';
import { ChevronRightIcon } from '@/components/ui/icons';

export interface CollapsibleSectionProps {
  title: string;
  /** Short text beside the title, visible while folded: "2 warnings", the chosen profile. */
  summary?: ReactNode;
  autoOpen: boolean;
  /** Buttons at the right of the header (outside the fold toggle). */
  actions?: ReactNode;
  'data-testid'?: string;
  children: ReactNode;
}

export function useAutoOpen(autoOpen: boolean) {
  const [open, setOpen] = useState(autoOpen);
  const [suggested, setSuggested] = useState(autoOpen);
  if (suggested !== autoOpen) {
    setSuggested(autoOpen);
    setOpen(autoOpen);
  }
  return [open, setOpen] as const;
}

export function CollapsibleSection({
  title,
  summary,
  autoOpen,
  actions,
  children,
  ...rest
}: CollapsibleSectionProps) {
  const [open, setOpen] = useAutoOpen(autoOpen);
  const bodyId = useId();
  return (
    <section
      aria-label={title}
      data-testid={rest['data-testid']}
      data-open={open}
      className="rounded-lg border border-border bg-card"
    >
      <div className="flex min-h-11 items-center gap-2 pr-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
          className="flex min-h-11 min-w-0 flex-1 items-center gap-2 rounded-lg px-3 text-left focus-visible:outline-2 focus-visible:outline-ring"
        >
          <ChevronRightIcon
            size={14}
            className={`shrink-0 text-muted-foreground transition-transform ${open ? 'rotate-90' : ''}`}
          />
          <span className="shrink-0 text-sm font-medium">{title}</span>
          {summary && <span className="min-w-0 truncate text-xs text-muted-foreground">{summary}</span>}
        </button>
        {actions}
      </div>
      <div id={bodyId} hidden={!open} className="border-t border-border px-3 py-3">
        {children}
      </div>
    </section>
  );
}
