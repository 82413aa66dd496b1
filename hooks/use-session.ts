'use client';
// Who is signed in, whether the app is reachable from outside this machine, and the sign-out / rotate actions.
import { useCallback, useState } from 'react';
import useSWR from 'swr';
import type { ApiError } from '@/lib/api-error';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { getJson, postJson } from '@/lib/client/http';

export interface SessionInfo {
  signedIn: boolean;
  exposed: boolean;
  url: string;
}

export function useSession() {
  const { data } = useSWR<SessionInfo>(ENDPOINTS.session, getJson, { revalidateOnFocus: false });
  const [error, setError] = useState<ApiError | null>(null);
  const [newToken, setNewToken] = useState<string | null | undefined>(undefined);

  const signOut = useCallback(async () => {
    try {
      await postJson(ENDPOINTS.signOut);
      window.location.assign('/sign-in');
    } catch (e) {
      setError(e as ApiError);
    }
  }, []);

  const rotate = useCallback(async () => {
    try {
      const { token } = await postJson<{ token: string | null }>(ENDPOINTS.rotateToken);
      setNewToken(token);
    } catch (e) {
      setError(e as ApiError);
    }
  }, []);

  return { session: data ?? null, signOut, rotate, newToken, error };
}
