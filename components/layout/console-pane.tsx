'use client';
// The engine console (launcher, status, log) beside the chat on wide screens, as a drawer over it on
// narrower ones and full-screen on a phone: there it is a modal panel (focus stays inside, Esc closes).
// It stays mounted while closed so the launcher keeps its form.
import type { ReactNode } from 'react';
import { useRef } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { CloseIcon } from '@/components/ui/icons';
import { useConsoleFocus } from '@/hooks/use-console-focus';
import { useMediaQuery } from '@/hooks/use-media-query';

export interface ConsolePaneProps {
  open: boolean;
  /** The person opened it (the chip, a button): it takes the focus. */
  openedByPerson: boolean;
  onClose(): void;
  children: ReactNode;
}

export function ConsolePane({ open, openedByPerson, onClose, children }: ConsolePaneProps) {
  const panel = useRef<HTMLElement>(null);
  const isBeside = useMediaQuery('(min-width: 80rem)');
  const isModal = open && !isBeside;
  useConsoleFocus(panel, { open, byPerson: openedByPerson, isModal, onClose });

  return (
    <>
      {open && <div aria-hidden className="fixed inset-0 z-30 bg-black/30 xl:hidden" onClick={onClose} />}
      <aside
        ref={panel}
        id="engine-console"
        data-testid="console-drawer"
        aria-label="Engine console"
        tabIndex={-1}
        hidden={!open}
        className="fixed inset-0 z-40 flex flex-col bg-background shadow-xl outline-none sm:inset-y-0 sm:right-0 sm:left-auto sm:w-[32rem] sm:border-l sm:border-border xl:static xl:z-auto xl:w-[30rem] xl:shrink-0 xl:shadow-none"
      >
        <header className="flex h-12 shrink-0 items-center justify-between border-b border-border px-4">
          <h2 className="text-sm font-semibold">Engine</h2>
          <IconButton label="Close the engine console" data-testid="close-console" onClick={onClose}>
            <CloseIcon size={18} />
          </IconButton>
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto p-3 sm:p-4">{children}</div>
      </aside>
    </>
  );
}
