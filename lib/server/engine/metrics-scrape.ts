import 'server-only';
// Reads the ready engine's Prometheus `/metrics` and turns it into the console's figures. An engine without
// metrics (llama.cpp without --metrics, many external servers) is a normal answer: `available: false`.
import { type EngineMetrics, engineMetricsFrom } from '@/lib/engine/engine-metrics';
import { parsePrometheus } from '@/lib/engine/prometheus';
import { probeLedger } from './probe-ledger';
import type { EngineConnection } from './supervisor';

const TIMEOUT_MS = 5000;
/** A vLLM scrape is tens of KB; anything far beyond that is not what we are looking for. */
const MAX_BYTES = 4 * 1024 * 1024;

const unavailable = (reason: string): EngineMetrics => ({ available: false, at: Date.now(), reason });

async function readCapped(response: Response): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

export async function scrapeEngineMetrics(connection: EngineConnection | null): Promise<EngineMetrics> {
  if (!connection) return unavailable('No engine is ready.');
  const headers: Record<string, string> = { Accept: 'text/plain' };
  // vLLM leaves /metrics open even with --api-key; other servers may guard it, so send the key anyway.
  if (connection.apiKey) headers.Authorization = `Bearer ${connection.apiKey}`;
  let response: Response;
  const unanswered = probeLedger.expect('/metrics');
  try {
    response = await fetch(`${connection.baseUrl}/metrics`, {
      headers,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch (error) {
    unanswered();
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return unavailable(
      timedOut ? 'The engine did not answer /metrics in time.' : 'The engine could not be reached.',
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    return unavailable(`The engine has no usable /metrics (HTTP ${response.status}).`);
  }
  const at = Date.now();
  const text = await readCapped(response).catch(() => null);
  if (text === null) return unavailable('The engine’s /metrics answer was cut off or too large.');
  return (
    engineMetricsFrom(parsePrometheus(text), at) ??
    unavailable('The engine’s /metrics has none of the series the console reads (vLLM’s names).')
  );
}
