// Test clients of the API keys routes and the OpenAI-compatible gateway.
import OpenAI from 'openai';
import type { ApiKeyRecord, CreatedApiKey, KeyScope } from '@/lib/gateway/types';

export async function createKey(
  url: string,
  name: string,
  scope: KeyScope,
  expiresInDays?: number,
): Promise<CreatedApiKey> {
  const res = await fetch(`${url}/api/keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, scope, ...(expiresInDays ? { expiresInDays } : {}) }),
  });
  if (res.status !== 201) throw new Error(`POST /api/keys: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedApiKey;
}

export async function listKeys(url: string): Promise<ApiKeyRecord[]> {
  return ((await (await fetch(`${url}/api/keys`)).json()) as { keys: ApiKeyRecord[] }).keys;
}

export async function revokeKey(url: string, id: string): Promise<number> {
  return (await fetch(`${url}/api/keys/${id}`, { method: 'DELETE' })).status;
}

/** The official SDK as a user configures it; no retries, so a 429 is seen as such. */
export function openaiClient(url: string, apiKey: string): OpenAI {
  return new OpenAI({ baseURL: `${url}/v1`, apiKey, maxRetries: 0 });
}
