'use client';
// The launch history (GET /api/engine/history) and the last launch of a profile that reached ready. Read
// again whenever a launch ends or becomes ready.
import { useEffect } from 'react';
import useSWR from 'swr';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { getJson } from '@/lib/client/http';
import type { DiagnosisCategory } from '@/lib/diagnosis';
import { canStart } from '@/lib/engine/state-machine';
import type { EngineState } from '@/lib/engine/types';

export interface LaunchRecord {
  launchId: string;
  profile: string;
  options: Record<string, unknown>;
  command: string[] | null;
  startedAt: number;
  endedAt: number;
  outcome: 'ready' | 'crashed' | 'failed' | 'stopped' | 'running';
  endedBy?: 'you' | 'app-exit' | 'app';
  readyAfterMs?: number;
  stoppedAt?: number;
  exit?: { code: number | null; signal: string | null };
  error?: string;
  diagnosis?: { ruleId: string; category: DiagnosisCategory; title: string };
}

export interface LastReady {
  launchId: string;
  profile: string;
  options: Record<string, unknown>;
  at: number;
}

export interface HistoryResponse {
  launches: LaunchRecord[];
  lastReady: LastReady | null;
}

export function useEngineHistory(profile: string | null, state: EngineState | null) {
  const { data, mutate } = useSWR<HistoryResponse>(ENDPOINTS.engineHistory(profile), getJson, {
    revalidateOnFocus: false,
  });
  useEffect(() => {
    // Ready, or a launch just ended: the history has a new record.
    if (state === 'ready' || (state && canStart(state))) void mutate();
  }, [state, mutate]);
  return data;
}
