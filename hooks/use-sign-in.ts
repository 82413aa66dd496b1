'use client';
import { useCallback, useState } from 'react';
import type { ApiError } from '@/lib/api-error';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { postJson } from '@/lib/client/http';

export function useSignIn() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const signIn = useCallback(async (body: { token: string } | { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await postJson(ENDPOINTS.signIn, body);
      return true;
    } catch (e) {
      setError(e as ApiError);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { signIn, error, busy };
}
