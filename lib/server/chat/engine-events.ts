import 'server-only';
// Reads the engine's SSE body into chunk objects. The SDK makes the request (base URL, key, error statuses);
// its own stream iterator is not used because it parses at about a third of the engine's token rate here,
// and it turns vLLM's mid-stream error chunk into an exception we would only turn back into a chunk.
import { createParser } from 'eventsource-parser';

export type EngineChunk = { kind: 'chunk'; value: unknown } | { kind: 'done' };

/** Yields the parsed `data:` payloads of an OpenAI-style stream, in batches per network read. */
export async function* engineChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<EngineChunk[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let batch: EngineChunk[] = [];
  const parser = createParser({
    onEvent: (message) => {
      if (message.data === '[DONE]') batch.push({ kind: 'done' });
      else batch.push({ kind: 'chunk', value: parseJson(message.data) });
    },
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Whole reads: eventsource-parser 3.1 is linear in what it is fed (3.0 was not; read-sse.ts).
      parser.feed(decoder.decode(value, { stream: true }));
      if (batch.length > 0) {
        yield batch;
        batch = [];
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return {
      error: {
        type: 'invalid_chunk',
        message: `The engine sent a chunk that is not JSON: ${data.slice(0, 80)}`,
      },
    };
  }
}
