'use client';
// The startup stages of the current launch, kept from the status events as they come (the status itself
// only carries the current stage).
import { useEffect, useState } from 'react';
import { EMPTY_TIMELINE, foldStage, type StageTimeline } from '@/lib/client/engine-stages';
import type { EngineStatus } from '@/lib/engine/types';

export function useEngineStages(status: EngineStatus | null): StageTimeline {
  const [timeline, setTimeline] = useState<StageTimeline>(EMPTY_TIMELINE);
  useEffect(() => {
    if (status) setTimeline((t) => foldStage(t, status, Date.now()));
  }, [status]);
  return timeline;
}
