import 'server-only';
// Starts a reply: checks that an engine is ready, sends the conversation to it (only the sampling fields
// the user chose), and hands the stream to a Generation. A request the engine refuses before streaming
// (too many images, no chat template) is answered as a 4xx with the engine's words and our explanation.
import { APIError } from 'openai';
import type { ChatBody } from '@/lib/api/chat';
import { diagnose } from '@/lib/diagnosis';
import { getSupervisor } from '../engine/instance';
import type { EngineSupervisor } from '../engine/supervisor';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { getImageStore } from '../images/instance';
import { engineClient } from './engine-client';
import type { Generation } from './generation';
import { getGenerations } from './registry';
import { resolveImages } from './resolve-images';
import { runGeneration } from './run-generation';

export function generations() {
  const env = getEnv();
  return getGenerations({
    maxBufferedChars: 8_000_000,
    abandonAfterMs: env.VLM_CONSOLE_CHAT_ABANDON_S * 1000,
    keepFinishedMs: 60_000,
  });
}

const WATCHING = Symbol.for('vlm-console.chat-engine-watch');

/** When the engine stops being ready, every running reply ends at once instead of waiting for a timeout. */
function watchEngine(supervisor: EngineSupervisor): void {
  const holder = globalThis as { [WATCHING]?: boolean };
  if (holder[WATCHING]) return;
  holder[WATCHING] = true;
  supervisor.onStatus((status) => {
    if (status.state === 'ready') return;
    for (const generation of generations().running()) generation.abort.abort('engine-stopped');
  });
}

export async function startChat(request: ChatBody): Promise<Generation> {
  const supervisor = await getSupervisor();
  const connection = supervisor.getConnection();
  if (!connection) {
    throw new AppError(
      'engine_not_ready',
      'No model is ready to answer yet.',
      'Start an engine in the console and wait until it says ready.',
    );
  }
  watchEngine(supervisor);
  const startedAt = performance.now();
  const env = getEnv();
  const messages = await resolveImages(request.messages, {
    limit: connection.imageLimit,
    maxImageBytes: env.VLM_CONSOLE_IMAGE_MAX_BYTES,
    maxRequestBytes: env.VLM_CONSOLE_REQUEST_IMAGE_MAX_BYTES,
    store: getImageStore(),
    video: {
      limit: connection.profile.video?.maxPerPrompt ?? 0,
      maxVideoBytes: env.VLM_CONSOLE_VIDEO_MAX_BYTES,
      model: connection.profile.label,
    },
  });
  const generation = generations().create(connection.model);
  const client = engineClient(connection.baseUrl, connection.apiKey);
  let body: ReadableStream<Uint8Array> | null;
  try {
    const response = await client.chat.completions
      .create(
        {
          model: connection.model,
          messages,
          stream: true,
          stream_options: { include_usage: true },
          ...request.params,
        },
        { signal: generation.abort.signal },
      )
      .asResponse();
    body = response.body;
  } catch (error) {
    generation.abort.abort('rejected');
    generations().discard(generation.id);
    throw engineRefusal(error);
  }
  generation.push({ type: 'generation', id: generation.id, model: connection.model });
  if (!body) throw new AppError('engine_unavailable', 'The engine answered without a body.');
  void runGeneration({ body, generation, reasoningFormat: connection.reasoningFormat, startedAt });
  return generation;
}

function engineRefusal(error: unknown): AppError {
  if (error instanceof APIError && error.status !== undefined && error.status < 500) {
    const message = engineMessage(error);
    const diagnosis = diagnose(message, { phase: 'request' });
    return new AppError('engine_rejected', `The engine refused the request: ${message}`, diagnosis?.fix);
  }
  const text = error instanceof Error ? error.message : String(error);
  return new AppError('engine_unavailable', `The engine did not answer: ${text}`, 'Check the engine log.');
}

function engineMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : error.message;
}
