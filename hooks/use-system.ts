'use client';
// The machine check (GET /api/system): cached by the server for 30 s; `refresh` asks it to probe again.
import { useCallback, useMemo, useState } from 'react';
import useSWR from 'swr';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { getJson } from '@/lib/client/http';
import type { SystemReport } from '@/lib/system/types';

export function useSystem() {
  const swr = useSWR<SystemReport>(ENDPOINTS.system, getJson, { revalidateOnFocus: false });
  const [isRefreshing, setRefreshing] = useState(false);
  const { mutate } = swr;
  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      await mutate(getJson<SystemReport>(ENDPOINTS.systemRefresh), { revalidate: false });
    } catch {
      // SWR keeps the error; the card shows it.
    } finally {
      setRefreshing(false);
    }
  }, [mutate]);
  const { data: report, error } = swr;
  return useMemo(
    () => ({ report, error: error as Error | undefined, isRefreshing, refresh }),
    [report, error, isRefreshing, refresh],
  );
}
