'use client';
// A modal panel sliding in from a screen edge, on the native <dialog>: focus is trapped, the page behind is
// inert, Esc closes, and focus returns where it was. Used for settings and, on small screens, the drawers.
import { type CSSProperties, type ReactNode, useEffect, useRef } from 'react';
import { IconButton } from './icon-button';
import { CloseIcon } from './icons';

export interface SheetProps {
  open: boolean;
  onClose(): void;
  title: string;
  side?: 'left' | 'right';
  /** The panel's max-width classes: full width on a phone, 28rem from the small breakpoint by default. */
  width?: string;
  /** The sidebar's tone instead of the page background. */
  tone?: 'page' | 'sidebar';
  children: ReactNode;
  'data-testid'?: string;
}

export function Sheet(props: SheetProps) {
  const {
    open,
    onClose,
    title,
    side = 'right',
    width = 'max-w-full sm:max-w-md',
    tone = 'page',
    children,
  } = props;
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const edge = side === 'right' ? 'ml-auto mr-0 border-l' : 'mr-auto ml-0 border-r';
  const background = tone === 'sidebar' ? 'bg-sidebar' : 'bg-background';
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click is on the backdrop; keyboard users close with Esc
    <dialog
      ref={ref}
      aria-label={title}
      data-testid={props['data-testid']}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === e.currentTarget) onClose();
      }}
      style={{ '--sheet-from': side === 'right' ? '16px' : '-16px' } as CSSProperties}
      className={`sheet m-0 h-dvh max-h-dvh w-full p-0 text-foreground backdrop:bg-black/40 ${width} ${edge} border-border ${background}`}
    >
      <div className="flex h-full flex-col">
        <header className="flex h-14 shrink-0 items-center justify-between gap-2 border-b border-border px-4">
          <h2 className="text-sm font-semibold">{title}</h2>
          <IconButton label="Close" onClick={onClose}>
            <CloseIcon size={18} />
          </IconButton>
        </header>
        {/* Rendered only while open: closed sheets hold no duplicate controls for tests or screen readers. */}
        <div className="min-h-0 flex-1 overflow-y-auto">{open && children}</div>
      </div>
    </dialog>
  );
}
