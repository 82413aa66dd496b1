import 'server-only';
// Reads the engine's SSE body into chunk objects. The SDK makes the request (base URL, key, error statuses);
// its own stream iterator is not used because it parses at about a third of the engine's token rate here,
// and it turns vLLM's mid-stream error chunk into an exception we would only turn back into a chunk.
import { createParser } from 'eventsource-parser';

const FEED_CHARS = 2048;

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
      const text = decoder.decode(value, { stream: true });
      // eventsource-parser looks for a CR from each line to the end of what it was fed: fed a whole read
      // (64 KB and more when the engine is fast), that is quadratic. Small slices keep it linear.
      for (let at = 0; at < text.length; at += FEED_CHARS) parser.feed(text.slice(at, at + FEED_CHARS));
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
