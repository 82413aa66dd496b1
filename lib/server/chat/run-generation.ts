import 'server-only';
// Pipes one engine stream into a Generation: chunks go through the stream normaliser (every shape of
// thinking becomes `reasoning`), and every way the stream can end — finished, stopped, abandoned, engine
// error chunk, engine gone — ends with the events the contract promises: what came, maybe an `error`, then
// exactly one `done`.
import type { ChatEvent } from '@/lib/chat/events';
import { StreamNormalizer } from '@/lib/chat/stream-normalizer';
import type { ReasoningFormat } from '@/lib/engine/profiles';
import { engineChunks } from './engine-events';
import type { Generation } from './generation';

export interface RunOptions {
  /** The engine's streaming response body (the SDK made the request). */
  body: ReadableStream<Uint8Array>;
  generation: Generation;
  reasoningFormat: ReasoningFormat;
  startedAt: number;
}

export async function runGeneration({
  body,
  generation,
  reasoningFormat,
  startedAt,
}: RunOptions): Promise<void> {
  const normalizer = new StreamNormalizer({ reasoningFormat, startedAt, now: () => performance.now() });
  const emit = (events: ChatEvent[]) => {
    for (const event of events) generation.push(event);
  };
  try {
    read: for await (const batch of engineChunks(body)) {
      for (const chunk of batch) {
        if (chunk.kind === 'done') break read;
        emit(normalizer.push(chunk.value));
        if (normalizer.state.errored) break read;
      }
    }
  } catch (error) {
    if (!generation.abort.signal.aborted) {
      emit(normalizer.push({ error: { type: 'engine_disconnected', message: disconnectMessage(error) } }));
    }
  }
  const errored = normalizer.state.errored;
  emit(finalEvents(normalizer.end(), generation.abort.signal, errored));
}

/** Marks a stop as such, and says why an abort happened when it was not the user. */
function finalEvents(events: ChatEvent[], signal: AbortSignal, errored: boolean): ChatEvent[] {
  if (!signal.aborted) return events;
  const reason = String(signal.reason ?? 'stop');
  const out: ChatEvent[] = [];
  for (const event of events) {
    if (event.type === 'done') {
      if (errored) {
        // The engine's own error already said what happened.
      } else if (reason === 'engine-stopped') {
        out.push({
          type: 'error',
          code: 'engine_unavailable',
          message: 'The engine stopped while answering.',
        });
      } else if (reason === 'abandoned') {
        out.push({
          type: 'error',
          code: 'abandoned',
          message: 'Nobody was reading this reply, so it was stopped.',
        });
      }
      out.push({ ...event, finishReason: reason === 'stop' ? 'abort' : (event.finishReason ?? 'abort') });
    } else {
      out.push(event);
    }
  }
  return out;
}

function disconnectMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `The connection to the engine broke while answering (${text}).`;
}
