// Validation of a chat-completions request, in vLLM's order and wording: body shape (pydantic-style message),
// model name (404), stream options, per-modality limits, images, context length. Everything the reply needs is
// extracted here so generation never touches the raw body.

import { decodeDataUrl, sniffImage } from './images.mjs';
import { readVideo, videoTokens } from './video.mjs';

/**
 * @typedef {{ index: number, remote?: string, format?: string, mediaType?: string, width?: number,
 *   height?: number, bytes?: number }} ImagePart
 * @typedef {{ messageCount: number, lastUserText: string, images: ImagePart[],
 *   videos: import('./video.mjs').VideoPart[], promptTokens: number,
 *   maxTokens: number, stream: boolean, includeUsage: boolean }} ChatRequest
 * @typedef {{ status: number, error: { message: string, type: string, param: string | null, code: number } }} ApiError
 */

/** @returns {ApiError} */
export function apiError(status, type, message, param = null) {
  return { status, error: { message, type, param, code: status } };
}
const badRequest = (/** @type {string} */ message, param = null) =>
  apiError(400, 'BadRequestError', message, param);

/** The str() of a pydantic validation error list, which vLLM puts in `message`. */
const pydantic = (/** @type {string} */ type, /** @type {string} */ loc, /** @type {string} */ msg) =>
  badRequest(`[{'type': '${type}', 'loc': ('body', ${loc}), 'msg': '${msg}'}]`);

const MODALITY_OF_PART = /** @type {Record<string, string>} */ ({
  image_url: 'image',
  video_url: 'video',
  audio_url: 'audio',
  input_audio: 'audio',
});

/** Word-sized pieces, the demo's notion of a token. */
export const countTokens = (/** @type {string} */ text) => text.match(/\S+/g)?.length ?? 0;

/**
 * @param {unknown} body parsed JSON
 * @param {import('./context.mjs').Context} ctx
 * @returns {{ request: ChatRequest } | ApiError}
 */
export function parseChatRequest(body, ctx) {
  const { opts } = ctx;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest(
      "[{'type': 'model_attributes_type', 'loc': ('body',), 'msg': 'Input should be a valid dictionary or object to extract fields from'}]",
    );
  }
  const b = /** @type {Record<string, any>} */ (body);
  if (b.messages === undefined) return pydantic('missing', "'messages'", 'Field required');
  if (!Array.isArray(b.messages)) return pydantic('list_type', "'messages'", 'Input should be a valid list');
  if (b.model !== undefined && b.model !== null && b.model !== opts.servedModelName) {
    return apiError(404, 'NotFoundError', `The model \`${b.model}\` does not exist.`, 'model');
  }
  if (b.stream_options != null && b.stream !== true) {
    return badRequest('Stream options can only be defined when `stream=True`.', 'stream_options');
  }
  const maxTokens = b.max_completion_tokens ?? b.max_tokens;
  if (maxTokens != null && !Number.isInteger(maxTokens)) {
    return pydantic('int_type', "'max_tokens'", 'Input should be a valid integer');
  }
  if (maxTokens != null && maxTokens < 1)
    return badRequest(`max_tokens must be at least 1, got ${maxTokens}.`);

  const content = readMessages(b.messages, opts.limitMmPerPrompt);
  if ('error' in content) return content;
  const { images, videos, promptTokens, lastUserText } = content;
  const maxLen = opts.maxModelLen;
  if (promptTokens >= maxLen) {
    return badRequest(
      `This model's maximum context length is ${maxLen} tokens. However, your request has ${promptTokens} input tokens. Please reduce the length of the input messages.`,
    );
  }
  if (maxTokens != null && promptTokens + maxTokens > maxLen) {
    return badRequest(
      `'max_tokens' or 'max_completion_tokens' is too large: ${maxTokens}. This model's maximum context length is ${maxLen} tokens and your request has ${promptTokens} input tokens (${maxTokens} > ${maxLen} - ${promptTokens}).`,
    );
  }
  return {
    request: {
      messageCount: b.messages.length,
      lastUserText,
      images,
      videos,
      promptTokens,
      maxTokens: maxTokens ?? maxLen - promptTokens,
      stream: b.stream === true,
      includeUsage: b.stream === true && b.stream_options?.include_usage === true,
    },
  };
}

/**
 * Walks the messages: text for the reply and the token estimate, images decoded and sniffed, modality limits
 * enforced as each item is added (like vLLM's tracker, so a surplus image is never decoded).
 * @param {any[]} messages
 * @param {Record<string, number>} limits
 * @returns {{ images: ImagePart[], videos: import('./video.mjs').VideoPart[], promptTokens: number,
 *   lastUserText: string } | ApiError}
 */
function readMessages(messages, limits) {
  /** @type {Record<string, number>} */
  const counts = {};
  /** @type {ImagePart[]} */
  const images = [];
  /** @type {import('./video.mjs').VideoPart[]} */
  const videos = [];
  let promptTokens = 8;
  let lastUserText = '';
  for (const [i, message] of messages.entries()) {
    if (typeof message !== 'object' || message === null || typeof message.role !== 'string') {
      return pydantic('missing', `'messages', ${i}, 'role'`, 'Field required');
    }
    const parts =
      typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    if (parts != null && !Array.isArray(parts)) {
      return pydantic('string_type', `'messages', ${i}, 'content'`, 'Input should be a valid string');
    }
    /** @type {string[]} */
    const texts = [];
    for (const part of parts ?? []) {
      if (part?.type === 'text') {
        texts.push(String(part.text ?? ''));
        continue;
      }
      const modality = MODALITY_OF_PART[part?.type];
      if (!modality) return badRequest(`Unknown part type: ${part?.type}`);
      const count = (counts[modality] ?? 0) + 1;
      counts[modality] = count;
      const limit = limits[modality] ?? 999;
      if (count > limit) return badRequest(`At most ${limit} ${modality}(s) may be provided in one prompt.`);
      if (modality === 'video') {
        const video = readVideo(part.video_url, videos.length + 1);
        if ('error' in video) return /** @type {ApiError} */ (video);
        videos.push(video);
        promptTokens += videoTokens(video);
        continue;
      }
      if (modality !== 'image') continue;
      const image = readImage(part.image_url, images.length + 1);
      if ('error' in image) return image;
      images.push(image);
      promptTokens += imageTokens(image);
    }
    promptTokens += 4 + countTokens(texts.join(' '));
    if (message.role === 'user') lastUserText = texts.join('\n');
  }
  return { images, videos, promptTokens, lastUserText };
}

/**
 * @param {unknown} imageUrl the part's `image_url` (`{url}` per the OpenAI schema; a bare string is tolerated)
 * @param {number} index 1-based position among the request's images
 * @returns {ImagePart | ApiError}
 */
function readImage(imageUrl, index) {
  const url = typeof imageUrl === 'string' ? imageUrl : /** @type {any} */ (imageUrl)?.url;
  if (typeof url !== 'string')
    return pydantic('missing', "'messages', 'content', 'image_url', 'url'", 'Field required');
  if (/^https?:\/\//i.test(url)) return { index, remote: url };
  const data = decodeDataUrl(url);
  if (!data)
    return badRequest(
      "Invalid 'image_url': A valid 'image_url' must start with either 'data:image' or 'http'.",
    );
  if (data.bytes.length === 0)
    return badRequest(`Failed to load image ${index}: the data URL carries no data.`);
  const info = sniffImage(data.bytes);
  return { index, mediaType: data.mediaType, bytes: data.bytes.length, ...(info ?? {}) };
}

/** ERNIE-VL style cost: one token per 28×28 block, clamped to its processor's pixel limits. */
function imageTokens(/** @type {ImagePart} */ image) {
  if (!image.width || !image.height) return 256;
  const blocks = Math.ceil(image.width / 28) * Math.ceil(image.height / 28);
  return Math.min(6177, Math.max(4, blocks));
}
