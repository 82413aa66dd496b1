// Produces a chat completion for a validated request, streamed (SSE, vLLM's chunk format) or as one JSON body.
// Pacing: the k-th token is due k / tokens-per-second after the start; with 0 tokens/s tokens go out as fast as
// the socket drains, yielding to the event loop every 64 units. A client disconnect stops generation at once,
// counts an abort in /metrics and logs `Aborted request <id>.`

import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { emit, pyJson, record } from './log.mjs';
import { startRequest } from './metrics.mjs';
import { buildUnits, composeReply } from './reply.mjs';

/** @typedef {import('./reply.mjs').Unit} Unit */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {(status: number, headers: Record<string, string>) => void} Begin writes the head, logs access */
/**
 * @typedef {object} Job one request's generation state
 * @property {string} id
 * @property {number} created
 * @property {Unit[]} units what will be generated, already cut to max_tokens
 * @property {'stop' | 'length'} finishReason
 * @property {ReturnType<typeof startRequest>} tracker
 * @property {boolean} closed the client went away
 * @property {number} completionTokens
 * @property {number} reasoningTokens
 */

/**
 * @param {import('./context.mjs').Context} ctx
 * @param {import('./chat-request.mjs').ChatRequest} request
 * @param {ServerResponse} res
 * @param {Begin} begin
 */
export async function complete(ctx, request, res, begin) {
  const { units, truncated } = limitUnits(
    buildUnits(composeReply(request, ctx.opts), ctx.opts.reasoning),
    request.maxTokens,
  );
  /** @type {Job} */
  const job = {
    id: `chatcmpl-${randomUUID().replaceAll('-', '')}`,
    created: Math.floor(Date.now() / 1000),
    units,
    finishReason: truncated ? 'length' : 'stop',
    tracker: startRequest(request.promptTokens),
    closed: false,
    completionTokens: 0,
    reasoningTokens: 0,
  };
  res.on('close', () => {
    if (res.writableFinished) return;
    job.closed = true;
    job.tracker.finish('abort');
    emit(record(ctx.api, 'INFO', 'async_llm.py:485', `Aborted request ${job.id}.`));
  });
  if (request.stream) await stream(ctx, request, job, res, begin);
  else await respond(ctx, request, job, res, begin);
}

/**
 * Keeps the units that fit in `maxTokens` (fragments after the last counted token stay with it).
 * @param {Unit[]} units
 * @param {number} maxTokens
 */
function limitUnits(units, maxTokens) {
  let used = 0;
  for (const [i, unit] of units.entries()) {
    if (used + unit.cost > maxTokens) return { units: units.slice(0, i), truncated: true };
    used += unit.cost;
  }
  return { units, truncated: false };
}

/**
 * Generates the units at the configured pace, handing each to `onUnit`.
 * @param {import('./context.mjs').Context} ctx
 * @param {Job} job
 * @param {(unit: Unit, index: number) => Promise<boolean>} onUnit false = stop here
 * @returns {Promise<boolean>} true when every unit was generated and the client is still there
 */
async function generate(ctx, job, onUnit) {
  const tps = ctx.opts.tokensPerSecond;
  const start = performance.now();
  for (const [i, unit] of job.units.entries()) {
    if (unit.cost > 0) {
      const wait = tps > 0 ? start + ((job.completionTokens + 1) * 1000) / tps - performance.now() : 0;
      if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
      else if (i % 64 === 63) await yieldToLoop();
      if (job.closed) return false;
      job.completionTokens++;
      if (unit.channel === 'reasoning') job.reasoningTokens++;
      job.tracker.token();
    }
    if (!(await onUnit(unit, i)) || job.closed) return false;
  }
  return !job.closed;
}

/** Thinking goes to `reasoning` / `reasoning_content` only in the parser modes; raw modes put it in content. */
const reasoningField = (/** @type {Record<string, any>} */ opts) =>
  opts.reasoning === 'reasoning_content' ? 'reasoning_content' : 'reasoning';
const isParserMode = (/** @type {Record<string, any>} */ opts) =>
  opts.reasoning === 'reasoning' || opts.reasoning === 'reasoning_content';

/** `usage`; reasoning_tokens exists only when a reasoning parser separated the thinking. */
function usage(
  /** @type {Record<string, any>} */ opts,
  /** @type {number} */ promptTokens,
  /** @type {Job} */ job,
) {
  return {
    prompt_tokens: promptTokens,
    total_tokens: promptTokens + job.completionTokens,
    completion_tokens: job.completionTokens,
    ...(isParserMode(opts) ? { completion_tokens_details: { reasoning_tokens: job.reasoningTokens } } : {}),
  };
}

/**
 * @param {import('./context.mjs').Context} ctx
 * @param {import('./chat-request.mjs').ChatRequest} request
 * @param {Job} job
 * @param {ServerResponse} res
 * @param {Begin} begin
 */
async function stream(ctx, request, job, res, begin) {
  const { opts } = ctx;
  const field = reasoningField(opts);
  const base = {
    id: job.id,
    object: 'chat.completion.chunk',
    created: job.created,
    model: opts.servedModelName,
  };
  /** @param {Record<string, unknown>} delta @param {Record<string, unknown>} [extra] finish fields */
  const chunk = (delta, extra = {}) =>
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: null, ...extra }] })}\n\n`;
  let sent = 0;
  const send = async (/** @type {string} */ text) => {
    sent++;
    if (!res.write(text)) await drained(res);
  };

  begin(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  await send(chunk({ role: 'assistant', content: '' }));
  const lastIndex = job.units.length - 1;
  const finished = await generate(ctx, job, async (unit, i) => {
    if (opts.chunkErrorAfter !== null && sent >= opts.chunkErrorAfter) {
      failMidStream(ctx, job, res);
      return false;
    }
    // With max_tokens hit, the last generated token carries finish_reason itself.
    const finish =
      job.finishReason === 'length' && i === lastIndex ? { finish_reason: 'length', stop_reason: null } : {};
    await send(chunk({ [unit.channel === 'reasoning' ? field : 'content']: unit.text }, finish));
    return true;
  });
  if (!finished) return;
  if (job.finishReason === 'stop')
    await send(chunk({ content: '' }, { finish_reason: 'stop', stop_reason: null }));
  if (request.includeUsage) {
    await send(
      `data: ${JSON.stringify({ ...base, choices: [], usage: usage(opts, request.promptTokens, job) })}\n\n`,
    );
  }
  res.end('data: [DONE]\n\n');
  job.tracker.finish(job.finishReason);
}

/**
 * @param {import('./context.mjs').Context} ctx
 * @param {import('./chat-request.mjs').ChatRequest} request
 * @param {Job} job
 * @param {ServerResponse} res
 * @param {Begin} begin
 */
async function respond(ctx, request, job, res, begin) {
  const { opts } = ctx;
  if (!(await generate(ctx, job, async () => true))) return;
  const text = (/** @type {string} */ channel) => {
    const parts = job.units.filter((u) => u.channel === channel);
    return parts.length > 0 ? parts.map((u) => u.text).join('') : null;
  };
  const message = { role: 'assistant', content: text('content'), refusal: null, tool_calls: [] };
  if (isParserMode(opts)) Object.assign(message, { [reasoningField(opts)]: text('reasoning') });
  begin(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: job.id,
      object: 'chat.completion',
      created: job.created,
      model: opts.servedModelName,
      choices: [{ index: 0, message, logprobs: null, finish_reason: job.finishReason, stop_reason: null }],
      usage: usage(opts, request.promptTokens, job),
      prompt_logprobs: null,
    }),
  );
  job.tracker.finish(job.finishReason);
}

/** Resolves once `res` can take more data, or has closed. */
function drained(/** @type {ServerResponse} */ res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve(undefined);
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * vLLM's in-band error: the HTTP status is already 200, so the error travels as one more `data:` event
 * (serialised by json.dumps, hence the spaces), followed by [DONE].
 * @param {import('./context.mjs').Context} ctx
 * @param {Job} job
 * @param {ServerResponse} res
 */
function failMidStream(ctx, job, res) {
  const message = 'EngineCore encountered an issue. See stack trace (above) for the root cause.';
  const where = `Error in chat completion stream generator for ${job.id}: ${message}`;
  emit(record(ctx.api, 'ERROR', 'serving_chat.py:1218', where));
  res.write(
    `data: ${pyJson({ error: { message, type: 'InternalServerError', param: null, code: 500 } })}\n\n`,
  );
  res.end('data: [DONE]\n\n');
  job.tracker.finish('error');
}
