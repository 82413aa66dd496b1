import 'server-only';
import { BodyBudget, LARGE_BODY_BYTES } from './body-budget';
// Reads a JSON request body with a byte cap counted while streaming (route handlers have no body limit of
// their own), a nesting-depth cap, and no prototype-pollution keys. Every failure is a 4xx AppError.
// Large bodies also draw on one budget for the whole process (body-budget.ts), so a handful of big
// uploads at once cannot take the app's memory with them.
import { getEnv } from './env';
import { AppError } from './errors';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ReadJsonOptions {
  maxBytes: number;
  maxDepth?: number;
  /** When the body is empty, use this value instead (e.g. `{}` for optional bodies). */
  emptyAs?: unknown;
}

export async function readJson(request: Request, opts: ReadJsonOptions): Promise<unknown> {
  const text = await readText(request, opts.maxBytes);
  if (text.trim() === '') {
    if (opts.emptyAs !== undefined) return opts.emptyAs;
    throw new AppError('invalid_json', 'The request body is empty; send a JSON object.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return v;
    });
  } catch (error) {
    if (error instanceof ForbiddenKey) {
      throw new AppError('bad_request', `The key "${error.key}" is not allowed in a request body.`);
    }
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  if (depth(value) > (opts.maxDepth ?? 16)) {
    throw new AppError('bad_request', 'The request body is nested too deeply.');
  }
  return value;
}

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

function tooLarge(max: number): AppError {
  const size = max >= 1_000_000 ? `${(max / 1_000_000).toFixed(0)} MB` : `${Math.round(max / 1024)} KB`;
  return new AppError('payload_too_large', `The request body is larger than ${size}.`);
}

function busy(): AppError {
  return new AppError(
    'rate_limited',
    'Too many large request bodies are arriving at once. Try again in a few seconds.',
    'Large bodies are chats with images; send fewer at a time.',
    { headers: { 'Retry-After': '5' } },
  );
}

const BUDGET_KEY = Symbol.for('vlm-console.body-budget');

function budget(): BodyBudget {
  const holder = globalThis as { [BUDGET_KEY]?: BodyBudget };
  holder[BUDGET_KEY] ??= new BodyBudget(getEnv().VLM_CONSOLE_BODY_BUFFER_MAX_BYTES);
  return holder[BUDGET_KEY];
}

/**
 * The raw body, refused with 413 past `maxBytes` (at once when Content-Length says so, else while it is
 * still arriving) and with 429 when large bodies already fill the budget.
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const shared = budget();
  let held = 0;
  const hold = (bytes: number) => {
    if (!shared.take(bytes)) throw busy();
    held += bytes;
  };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (declared > LARGE_BODY_BYTES) hold(declared);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      // A body without a length counts once it is large, as it grows.
      if (size > LARGE_BODY_BYTES && size > held) hold(size - held);
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof AppError) throw error;
    // The client went away mid-body: nobody is left to read the answer, but it must not count as a crash.
    throw new AppError('bad_request', 'The request body was cut off before it ended.');
  } finally {
    shared.give(held);
  }
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBytes(request, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid UTF-8 text.');
  }
}

function depth(value: unknown, level = 0): number {
  if (level > 64 || typeof value !== 'object' || value === null) return level;
  let max = level + 1;
  for (const child of Object.values(value)) {
    max = Math.max(max, depth(child, level + 1));
    if (max > 64) break;
  }
  return max;
}

/** For actions that take no parameters: nothing, or `{}`; anything else is a 400 rather than ignored. */
export async function readEmptyBody(request: Request): Promise<void> {
  const body = await readJson(request, { maxBytes: 1024, emptyAs: {} });
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length > 0) {
    throw new AppError('validation_failed', 'body: this action takes no parameters; send nothing or {}');
  }
}
