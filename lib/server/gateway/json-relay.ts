import 'server-only';
// A non-streamed engine answer (a completion, embeddings, the model list): relayed as it arrives, and a
// copy of the first megabytes read afterwards for `usage`.
import type { EngineAnswer } from './engine-request';
import { readUsage } from './sse-events';

const KEEP_BYTES = 8_000_000;

export function relayJson(
  res: EngineAnswer,
  abortEngine: () => void,
  hooks: { onUsage(totalTokens: number): void; onError(message: string): void; onEnd(): void },
): ReadableStream<Uint8Array> {
  const kept: Buffer[] = [];
  let size = 0;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    hooks.onEnd();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= KEEP_BYTES) kept.push(chunk);
        controller.enqueue(chunk);
        if ((controller.desiredSize ?? 1) <= 0) res.pause();
      });
      res.on('end', () => {
        inspect(Buffer.concat(kept), res.statusCode ?? 200, hooks);
        end();
        controller.close();
      });
      res.on('error', (error) => {
        hooks.onError(`The connection to the engine broke: ${error.message}`);
        end();
        controller.error(error);
      });
    },
    pull() {
      res.resume();
    },
    cancel() {
      abortEngine();
      end();
    },
  });
}

function inspect(
  body: Buffer,
  status: number,
  hooks: { onUsage(n: number): void; onError(m: string): void },
) {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    if (status >= 400) hooks.onError(body.toString('utf8').slice(0, 300) || `HTTP ${status}`);
    return;
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const usage = readUsage(record.usage);
  if (usage !== null) hooks.onUsage(usage);
  if (status >= 400) hooks.onError(errorMessage(record) ?? `HTTP ${status}`);
}

function errorMessage(body: Record<string, unknown>): string | null {
  const error = body.error;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  if (typeof error === 'string') return error;
  return typeof body.detail === 'string' ? body.detail : null;
}
