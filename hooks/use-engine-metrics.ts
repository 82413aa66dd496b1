'use client';
// Live figures of a ready engine (GET /api/engine/metrics every 3 s through SWR), with the samples of the
// last five minutes kept for sparklines; tokens/s comes from the counters between samples.
import { useEffect, useState } from 'react';
import useSWR from 'swr';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { appendSample, type MetricsSample } from '@/lib/client/engine-rates';
import { getJson } from '@/lib/client/http';
import type { EngineMetrics } from '@/lib/engine/engine-metrics';

export const METRICS_INTERVAL_MS = 3000;
const WINDOW_MS = 5 * 60_000;
const NO_SAMPLES: MetricsSample[] = [];

interface Series {
  launchId: string | null;
  samples: MetricsSample[];
}

export function useEngineMetrics(isReady: boolean, launchId: string | null) {
  const { data } = useSWR<EngineMetrics>(isReady ? ENDPOINTS.engineMetrics : null, getJson, {
    refreshInterval: METRICS_INTERVAL_MS,
    revalidateOnFocus: false,
    dedupingInterval: 1000,
  });
  const [series, setSeries] = useState<Series>({ launchId: null, samples: [] });

  useEffect(() => {
    if (!data?.available) return;
    // A new launch starts a new series.
    setSeries((s) => ({
      launchId,
      samples: appendSample(s.launchId === launchId ? s.samples : [], data, WINDOW_MS),
    }));
  }, [data, launchId]);

  const samples = series.launchId === launchId ? series.samples : NO_SAMPLES;
  return { metrics: isReady ? (data ?? null) : null, samples };
}
