'use client';
// Diagnoses a pasted log (POST /api/diagnose) with the same rules as a launch.
import { useCallback, useState } from 'react';
import type { ApiError } from '@/lib/api-error';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { postJson } from '@/lib/client/http';
import type { Diagnosis } from '@/lib/diagnosis';

export type DiagnoseResult = { diagnosis: Diagnosis | null } | null;

export function useDiagnose() {
  const [result, setResult] = useState<DiagnoseResult>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);
  const diagnose = useCallback(async (text: string) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await postJson<{ diagnosis: Diagnosis | null }>(ENDPOINTS.diagnose, { text }));
    } catch (e) {
      setResult(null);
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setResult(null);
    setError(null);
  }, []);
  return { diagnose, result, error, isBusy, reset };
}
