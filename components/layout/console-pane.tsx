'use client';
// The engine console (launcher, status, log) beside the chat on wide screens, as a drawer over it on
// narrower ones and full-screen on a phone. It stays mounted while closed so the launcher keeps its form.
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { CloseIcon } from '@/components/ui/icons';

export interface ConsolePaneProps {
  open: boolean;
  onClose(): void;
  children: ReactNode;
}

export function ConsolePane({ open, onClose, children }: ConsolePaneProps) {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      // Esc closes the drawer; beside the chat (xl) it is not in the way, and Esc there stops replies.
      if (e.key === 'Escape' && !window.matchMedia('(min-width: 80rem)').matches) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  return (
    <>
      {open && <div aria-hidden className="fixed inset-0 z-30 bg-black/30 xl:hidden" onClick={onClose} />}
      <aside
        id="engine-console"
        data-testid="console-drawer"
        aria-label="Engine console"
        hidden={!open}
        className="fixed inset-0 z-40 flex flex-col bg-background shadow-xl sm:inset-y-0 sm:right-0 sm:left-auto sm:w-[32rem] sm:border-l sm:border-border xl:static xl:z-auto xl:w-[30rem] xl:shrink-0 xl:shadow-none"
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
