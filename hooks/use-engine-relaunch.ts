'use client';
// Launches with the given settings, stopping the running engine first when there is one: the start is
// held until the status says the old engine is gone (stop answers at once, with `stopping`).
import { useCallback, useEffect, useRef } from 'react';
import { canStart, canStop } from '@/lib/engine/state-machine';
import type { EngineState } from '@/lib/engine/types';
import type { EngineActions } from './use-engine-actions';

interface Launch {
  profile: string;
  options: Record<string, unknown>;
}

export function useEngineRelaunch(state: EngineState | null, actions: EngineActions) {
  const queued = useRef<Launch | null>(null);
  const { start, stop } = actions;

  useEffect(() => {
    const next = queued.current;
    if (!next || !state || !canStart(state)) return;
    queued.current = null;
    void start(next.profile, next.options);
  }, [state, start]);

  return useCallback(
    async (profile: string, options: Record<string, unknown>) => {
      if (state && canStart(state)) return start(profile, options);
      queued.current = { profile, options };
      if (state && canStop(state)) {
        // A refused stop must not leave a launch waiting for the next time the engine stops.
        if (!(await stop())) queued.current = null;
      }
      return null;
    },
    [state, start, stop],
  );
}
