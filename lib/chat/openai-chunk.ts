// Reads one OpenAI-compatible `chat.completion.chunk` (vLLM, SGLang, llama.cpp) into the few parts the
// normaliser needs. The only place that knows the engines' field names and their version differences.
// Chunks are untrusted JSON: anything of an unexpected type is treated as absent, never thrown on.

export interface ChunkUsage {
  prompt: number;
  completion: number;
  reasoning?: number;
}

export interface ChunkError {
  code: string;
  message: string;
}

export interface ChunkParts {
  error?: ChunkError;
  usage?: ChunkUsage;
  /** `choices: []`: the closing usage chunk of `stream_options.include_usage`. */
  isUsageOnly: boolean;
  reasoning?: string;
  content?: string;
  finishReason?: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function tokenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export function readChunk(chunk: unknown): ChunkParts {
  if (!isObject(chunk)) return { isUsageOnly: false };
  const error = readError(chunk);
  if (error) return { error, isUsageOnly: false };

  const parts: ChunkParts = { isUsageOnly: Array.isArray(chunk.choices) && chunk.choices.length === 0 };
  const usage = readUsage(chunk.usage);
  if (usage) parts.usage = usage;
  // n > 1 is not something this app requests; only the first choice is read.
  const choice = Array.isArray(chunk.choices)
    ? chunk.choices.find((c) => isObject(c) && !c.index)
    : undefined;
  if (!isObject(choice)) return parts;

  const delta = isObject(choice.delta) ? choice.delta : {};
  // vLLM >= 0.11.1 writes `reasoning`; older vLLM, SGLang and llama.cpp write `reasoning_content`; vLLM
  // 0.11.1-0.15 may write both with the same text, so take one, never both.
  const reasoning = nonEmptyString(delta.reasoning) ?? nonEmptyString(delta.reasoning_content);
  if (reasoning) parts.reasoning = reasoning;
  const content = nonEmptyString(delta.content);
  if (content) parts.content = content;
  const finishReason = nonEmptyString(choice.finish_reason);
  if (finishReason) parts.finishReason = finishReason;
  return parts;
}

function readUsage(usage: unknown): ChunkUsage | undefined {
  if (!isObject(usage)) return undefined;
  const prompt = tokenCount(usage.prompt_tokens);
  const completion = tokenCount(usage.completion_tokens);
  if (prompt === undefined || completion === undefined) return undefined;
  const details = isObject(usage.completion_tokens_details) ? usage.completion_tokens_details : {};
  const reasoning = tokenCount(details.reasoning_tokens);
  return reasoning === undefined ? { prompt, completion } : { prompt, completion, reasoning };
}

// vLLM >= 0.10.1, SGLang and llama.cpp: `{ error: { message, type, param, code } }`;
// vLLM < 0.10.1: flat `{ object: 'error', message, type, code }`.
function readError(chunk: Json): ChunkError | undefined {
  if (isObject(chunk.error)) return toChunkError(chunk.error);
  if (typeof chunk.error === 'string') return { code: 'engine_error', message: chunk.error };
  if (chunk.object === 'error') return toChunkError(chunk);
  return undefined;
}

function toChunkError(body: Json): ChunkError {
  // `type` names the failure (`BadRequestError`); vLLM's `code` is only the HTTP status it would have sent.
  const code =
    nonEmptyString(body.type) ??
    (typeof body.code === 'number' || typeof body.code === 'string' ? String(body.code) : 'engine_error');
  return { code, message: nonEmptyString(body.message) ?? 'The engine reported an error without a message.' };
}
