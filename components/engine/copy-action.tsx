'use client';
// A small button that copies text (built when clicked) and says "Copied" for a moment.
import { useEffect, useState } from 'react';
import { CheckIcon, CopyIcon } from '@/components/ui/icons';
import { copyText } from '@/lib/client/clipboard';

export interface CopyActionProps {
  text: () => string;
  label: string;
  /** Shown beside the icon; without it the button is an icon with `label` as its name. */
  children?: string;
  'data-testid'?: string;
}

export const ACTION_BUTTON =
  'inline-flex h-7 shrink-0 items-center gap-1.5 rounded-md px-2 text-xs font-medium text-muted-foreground transition hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring disabled:pointer-events-none disabled:opacity-40';

export function CopyAction({ text, label, children, ...rest }: CopyActionProps) {
  const [isCopied, setCopied] = useState(false);
  useEffect(() => {
    if (!isCopied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [isCopied]);
  return (
    <button
      type="button"
      aria-label={children ? undefined : isCopied ? 'Copied' : label}
      title={label}
      data-testid={rest['data-testid']}
      data-copied={isCopied || undefined}
      onClick={async () => setCopied(await copyText(text()))}
      className={ACTION_BUTTON}
    >
      {isCopied ? <CheckIcon size={14} className="text-success" /> : <CopyIcon size={14} />}
      {children && <span>{isCopied ? 'Copied' : children}</span>}
    </button>
  );
}
