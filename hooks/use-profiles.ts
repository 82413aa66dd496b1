'use client';
import useSWR from 'swr';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { getJson } from '@/lib/client/http';
import type { ProfilesResponse } from '@/lib/client/types';

export function useProfiles() {
  return useSWR<ProfilesResponse>(ENDPOINTS.profiles, getJson, { revalidateOnFocus: false });
}
