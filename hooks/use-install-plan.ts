'use client';
// What "Install vLLM" would run on this machine for the version typed (empty: the default), from
// GET /api/engine/install/plan. A version that is not a plain release number is not asked about.
import useSWR from 'swr';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { getJson } from '@/lib/client/http';
import { type InstallPlan, VLLM_VERSION } from '@/lib/engine/vllm-install';

export function useInstallPlan(version: string, isEnabled: boolean) {
  const wanted = version.trim();
  const isValid = wanted === '' || VLLM_VERSION.test(wanted);
  const { data, error, isLoading } = useSWR<InstallPlan>(
    isEnabled && isValid ? ENDPOINTS.engineInstallPlan(wanted) : null,
    getJson,
    { revalidateOnFocus: false, keepPreviousData: true },
  );
  return { plan: data ?? null, error: error as Error | undefined, isLoading, isValid };
}
