'use client';
// The OpenAI gateway's traffic (GET /api/gateway), polled while the console is open.
import useSWR from 'swr';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { getJson } from '@/lib/client/http';
import type { GatewayTraffic } from '@/lib/gateway/types';

export function useGatewayTraffic(): GatewayTraffic | null {
  const { data } = useSWR<GatewayTraffic>(ENDPOINTS.gatewayTraffic, getJson, { refreshInterval: 2000 });
  return data ?? null;
}
