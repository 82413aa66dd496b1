import 'server-only';
// HTTP probes of the engine: health while starting and running, and the served model once it answers.
import type { EngineHealth } from '@/lib/engine/types';
import { probeLedger } from './probe-ledger';

export interface ProbeResult extends EngineHealth {
  /** Nothing listens yet: vLLM binds its port early but only accepts once the model is loaded. */
  refused: boolean;
}

export async function probeHealth(
  url: string,
  apiKey: string | null,
  timeoutMs: number,
): Promise<ProbeResult> {
  const started = performance.now();
  const checkedAt = Date.now();
  const unanswered = probeLedger.expect(url);
  try {
    const res = await fetch(url, {
      headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    await res.body?.cancel();
    const latencyMs = Math.round(performance.now() - started);
    return { ok: res.status === 200, httpStatus: res.status, latencyMs, checkedAt, refused: false };
  } catch (error) {
    unanswered();
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, httpStatus: null, latencyMs: null, checkedAt, refused: code === 'ECONNREFUSED' };
  }
}

export interface ServedModel {
  id: string;
  maxModelLen: number | null;
}

/** Reads `/v1/models`; vLLM adds `max_model_len` to each entry, other servers may not. */
export async function fetchServedModel(
  baseUrl: string,
  apiKey: string | null,
  preferred?: string,
): Promise<ServedModel | { error: string }> {
  const unanswered = probeLedger.expect('/v1/models');
  try {
    const res = await fetch(`${baseUrl}/v1/models`, {
      headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(10_000),
      cache: 'no-store',
    });
    if (res.status === 401 || res.status === 403) return { error: 'the server refused the API key' };
    if (!res.ok) return { error: `GET /v1/models answered HTTP ${res.status}` };
    const body = (await res.json()) as { data?: { id?: unknown; max_model_len?: unknown }[] };
    const models = (body.data ?? []).filter((m) => typeof m.id === 'string');
    const chosen = models.find((m) => m.id === preferred) ?? models[0];
    if (!chosen) return { error: 'GET /v1/models listed no model' };
    const maxLen = typeof chosen.max_model_len === 'number' ? chosen.max_model_len : null;
    return { id: String(chosen.id), maxModelLen: maxLen };
  } catch (error) {
    unanswered();
    return { error: `GET /v1/models failed: ${(error as Error).message}` };
  }
}
