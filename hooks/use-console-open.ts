'use client';
// Whether the engine console is open: open by default until an engine is ready, closed the moment one
// becomes ready, open again when it crashes or fails; the person can open or close it at any time.
import { useEffect, useRef, useState } from 'react';
import type { EngineState } from '@/lib/engine/types';

const BROKEN: readonly EngineState[] = ['crashed', 'failed', 'orphaned'];

export function useConsoleOpen(state: EngineState | null) {
  const [open, setOpen] = useState(false);
  const previous = useRef<EngineState | null>(null);

  useEffect(() => {
    if (state === null) return;
    const before = previous.current;
    previous.current = state;
    if (before === null) setOpen(state !== 'ready');
    else if (state === 'ready' && before !== 'ready') setOpen(false);
    else if (BROKEN.includes(state) && !BROKEN.includes(before)) setOpen(true);
  }, [state]);

  return [open, setOpen] as const;
}
