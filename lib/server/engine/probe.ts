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

interface ModelEntry {
  id?: unknown;
  max_model_len?: unknown;
  meta?: { n_ctx_train?: unknown } | null;
}

const positive = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;

function authHeaders(apiKey: string | null): Record<string, string> {
  return apiKey ? { Authorization: `Bearer ${apiKey}` } : {};
}

/** llama-server's context per slot: `/props` → `default_generation_settings.n_ctx`; null elsewhere. */
async function llamaServerContext(baseUrl: string, apiKey: string | null): Promise<number | null> {
  try {
    const res = await fetch(`${baseUrl}/props`, {
      headers: authHeaders(apiKey),
      signal: AbortSignal.timeout(5000),
      cache: 'no-store',
    });
    if (!res.ok) {
      await res.body?.cancel();
      return null;
    }
    const body = (await res.json()) as { default_generation_settings?: { n_ctx?: unknown } } | null;
    return positive(body?.default_generation_settings?.n_ctx);
  } catch {
    return null;
  }
}

/**
 * Reads `/v1/models` and the context length, whatever the engine: vLLM and SGLang put `max_model_len` on each
 * entry; llama-server does not, but says it in `/props` (the context it serves, per slot) and in the entry's
 * `meta.n_ctx_train` (the model's training context, used when `/props` does not answer).
 */
export async function fetchServedModel(
  baseUrl: string,
  apiKey: string | null,
  preferred?: string,
): Promise<ServedModel | { error: string }> {
  const unanswered = probeLedger.expect('/v1/models');
  try {
    const res = await fetch(`${baseUrl}/v1/models`, {
      headers: authHeaders(apiKey),
      signal: AbortSignal.timeout(10_000),
      cache: 'no-store',
    });
    if (res.status === 401 || res.status === 403) return { error: 'the server refused the API key' };
    if (!res.ok) return { error: `GET /v1/models answered HTTP ${res.status}` };
    const body = (await res.json()) as { data?: ModelEntry[] };
    const models = (body.data ?? []).filter((m) => typeof m.id === 'string');
    const chosen = models.find((m) => m.id === preferred) ?? models[0];
    if (!chosen) return { error: 'GET /v1/models listed no model' };
    const maxLen =
      positive(chosen.max_model_len) ??
      (await llamaServerContext(baseUrl, apiKey)) ??
      positive(chosen.meta?.n_ctx_train);
    return { id: String(chosen.id), maxModelLen: maxLen };
  } catch (error) {
    unanswered();
    return { error: `GET /v1/models failed: ${(error as Error).message}` };
  }
}
