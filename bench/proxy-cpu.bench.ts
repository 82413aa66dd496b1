// Where the chat proxy's CPU goes per engine token, in-process (no sockets, no other process competing):
// an engine stream of 20,000 vLLM-shaped chunks, read in 64 KB pieces as the network hands them over to a reader that is behind,
// through each stage of the server path in turn. CPU time per token does not depend on what else the
// machine runs, so it compares changes on a busy machine.
import { createParser } from 'eventsource-parser';
import { describe, it } from 'vitest';
import { encodeSseEvent } from '@/lib/chat/events';
import { StreamNormalizer } from '@/lib/chat/stream-normalizer';
import { feedInSlices } from '@/lib/client/read-sse';
import { engineChunks } from '@/lib/server/chat/engine-events';
import { Generation } from '@/lib/server/chat/generation';
import { runGeneration } from '@/lib/server/chat/run-generation';
import { record } from './report';

const TOKENS = 20_000;
// What a socket hands over when the reader is behind a fast engine (undici passes on what has arrived).
const READ_BYTES = 64 * 1024;

function engineBody(): Uint8Array {
  const lines: string[] = [];
  for (let i = 0; i < TOKENS; i++) {
    const field = i < TOKENS / 2 ? 'reasoning' : 'content';
    const chunk = {
      id: 'chatcmpl-bench',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'demo/vlm-demo',
      choices: [{ index: 0, delta: { [field]: ` word${i % 97}` }, logprobs: null, finish_reason: null }],
    };
    lines.push(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  lines.push('data: [DONE]\n\n');
  return new TextEncoder().encode(lines.join(''));
}

const BODY = engineBody();

/** The body as a stream that hands over one 64 KB read per event-loop turn, like a socket. */
function bodyStream(): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((r) => setImmediate(r));
      if (at >= BODY.length) return controller.close();
      controller.enqueue(BODY.subarray(at, at + READ_BYTES));
      at += READ_BYTES;
    },
  });
}

async function cpuMicros(run: () => Promise<void>): Promise<number> {
  await run(); // warm-up: JIT
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = process.cpuUsage();
    await run();
    const used = process.cpuUsage(before);
    samples.push(used.user + used.system);
  }
  samples.sort((a, b) => a - b);
  return samples[2] ?? Number.NaN;
}

const limits = { maxBufferedChars: 4_000_000, abandonAfterMs: 60_000, keepFinishedMs: 60_000 };

describe('chat proxy CPU per engine token (in-process)', () => {
  it('each stage of the server path', async () => {
    const drain = async () => {
      const reader = bodyStream().getReader();
      for (;;) if ((await reader.read()).done) break;
    };
    const parseOnly = async () => {
      const parser = createParser({ onEvent: () => {} });
      const reader = bodyStream().getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        // As engine-events.ts feeds it (in slices: the parser is quadratic in what it is fed at once).
        feedInSlices(parser, decoder.decode(value, { stream: true }));
      }
    };
    const parseWhole = async () => {
      const parser = createParser({ onEvent: () => {} });
      const reader = bodyStream().getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    };
    const chunksOnly = async () => {
      for await (const _ of engineChunks(bodyStream())) {
        // parsed, nothing else
      }
    };
    const normalized = async () => {
      const normalizer = new StreamNormalizer();
      for await (const batch of engineChunks(bodyStream())) {
        for (const chunk of batch) if (chunk.kind === 'chunk') normalizer.push(chunk.value);
      }
    };
    const encoder = new TextEncoder();
    let bytes = 0;
    const whole = async () => {
      const generation = new Generation('bench', 'demo', limits, () => {});
      generation.attach(-1, (events, firstIndex) => {
        let out = '';
        events.forEach((event, i) => {
          out += encodeSseEvent(event, firstIndex + i);
        });
        bytes += encoder.encode(out).length;
      });
      await runGeneration({
        body: bodyStream(),
        generation,
        reasoningFormat: 'auto',
        startedAt: performance.now(),
      });
      await new Promise((r) => setImmediate(r));
    };
    const base = await cpuMicros(drain);
    const stages = [
      ['SSE parse, whole reads fed at once', await cpuMicros(parseWhole)],
      ['SSE parse (eventsource-parser)', await cpuMicros(parseOnly)],
      ['+ JSON.parse per chunk', await cpuMicros(chunksOnly)],
      ['+ normaliser', await cpuMicros(normalized)],
      ['+ buffer, coalesce, encode (whole path)', await cpuMicros(whole)],
    ] as const;
    record(
      stages.map(([stage, micros]) => ({
        scenario: 'proxy CPU per token (in-proc)',
        metric: stage,
        value: `${((micros - base) / TOKENS).toFixed(2)} µs`,
        target: '',
        ok: null,
      })),
    );
    void bytes;
  });
});
