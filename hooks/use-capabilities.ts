'use client';
// What the installed engine of a profile accepts (GET /api/engine/capabilities): its flags from its own help,
// or the built-in list when it could not be asked. The server caches it per executable and version.
import useSWR from 'swr';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { getJson } from '@/lib/client/http';
import type { CapabilitiesResponse } from '@/lib/engine/engine-help-table';

export function useCapabilities(profileId: string | null) {
  const { data, error, isLoading } = useSWR<CapabilitiesResponse>(
    profileId && profileId !== 'external' ? ENDPOINTS.engineCapabilities(profileId) : null,
    getJson,
    { revalidateOnFocus: false },
  );
  return { capabilities: data, error: error as Error | undefined, isLoading };
}
