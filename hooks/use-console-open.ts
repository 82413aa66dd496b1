'use client';
// Whether the engine console is open: open by default until an engine is ready, closed the moment one
// becomes ready, open again when it crashes or fails; the person can open or close it at any time. Whether
// the person opened it is kept too: only then does the console take the focus (opening by itself must not
// pull it out of the composer).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineState } from '@/lib/engine/types';

const BROKEN: readonly EngineState[] = ['crashed', 'failed', 'orphaned'];

export function useConsoleOpen(state: EngineState | null) {
  const [view, setView] = useState({ open: false, byPerson: false });
  const previous = useRef<EngineState | null>(null);

  useEffect(() => {
    if (state === null) return;
    const before = previous.current;
    previous.current = state;
    if (before === null) setView({ open: state !== 'ready', byPerson: false });
    else if (state === 'ready' && before !== 'ready') setView({ open: false, byPerson: false });
    else if (BROKEN.includes(state) && !BROKEN.includes(before)) setView({ open: true, byPerson: false });
  }, [state]);

  const setOpen = useCallback((open: boolean) => setView({ open, byPerson: open }), []);
  return [view.open, setOpen, view.byPerson] as const;
}
