'use client';
// Start, stop and the vLLM install job. Each call answers with the engine status, or null after an error,
// which is kept (with the server's hint) for the console to show.
import { useCallback, useState } from 'react';
import type { ApiError } from '@/lib/api-error';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { postJson } from '@/lib/client/http';
import type { EngineStatus } from '@/lib/engine/types';

export function useEngineActions() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (url: string, body?: unknown) => {
    setBusy(true);
    setError(null);
    try {
      return await postJson<EngineStatus>(url, body);
    } catch (e) {
      setError(e as ApiError);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  const start = useCallback(
    (profile: string, options: Record<string, unknown>) => run(ENDPOINTS.engineStart, { profile, options }),
    [run],
  );
  const stop = useCallback(() => run(ENDPOINTS.engineStop), [run]);
  const install = useCallback(
    (version: string) => run(ENDPOINTS.engineInstall, version.trim() ? { version: version.trim() } : {}),
    [run],
  );
  const cancelInstall = useCallback(() => run(ENDPOINTS.engineInstallCancel), [run]);
  const clearError = useCallback(() => setError(null), []);
  return { start, stop, install, cancelInstall, error, busy, clearError };
}

export type EngineActions = ReturnType<typeof useEngineActions>;
