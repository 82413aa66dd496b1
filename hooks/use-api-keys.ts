'use client';
// The API keys for other tools (GET /api/keys), making one (its secret comes back once and stays only in
// this hook's state until dismissed) and revoking one. Also the running model's id, for the snippets.
import { useCallback, useState } from 'react';
import useSWR from 'swr';
import type { ApiError } from '@/lib/api-error';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { deleteRequest, getJson, postJson } from '@/lib/client/http';
import type { EngineStatus } from '@/lib/engine/types';
import type { ApiKeyRecord, CreatedApiKey, KeyScope } from '@/lib/gateway/types';

export interface NewKeyInput {
  name: string;
  scope: KeyScope;
  expiresInDays: number | null;
}

export function useApiKeys() {
  const { data, mutate } = useSWR<{ keys: ApiKeyRecord[] }>(ENDPOINTS.apiKeys, getJson, {
    refreshInterval: 10_000,
  });
  const { data: engine } = useSWR<EngineStatus>(ENDPOINTS.engine, getJson, { revalidateOnFocus: false });
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const create = useCallback(
    async ({ name, scope, expiresInDays }: NewKeyInput) => {
      setError(null);
      try {
        const body = { name, scope, ...(expiresInDays ? { expiresInDays } : {}) };
        setCreated(await postJson<CreatedApiKey>(ENDPOINTS.apiKeys, body));
        await mutate();
      } catch (e) {
        setError(e as ApiError);
      }
    },
    [mutate],
  );

  const revoke = useCallback(
    async (id: string) => {
      setError(null);
      try {
        await deleteRequest(ENDPOINTS.apiKey(id));
        setCreated((c) => (c?.id === id ? null : c));
        await mutate();
      } catch (e) {
        setError(e as ApiError);
      }
    },
    [mutate],
  );

  return {
    keys: data?.keys ?? null,
    model: engine?.model?.id ?? null,
    created,
    dismiss: () => setCreated(null),
    create,
    revoke,
    error,
  };
}
