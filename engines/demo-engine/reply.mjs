// The deterministic reply: a thinking part, then an answer that reports what the request contained (message
// count, last user text, each image's format/size/bytes) followed by a little Markdown, padded to the requested
// length. The reply is cut into "units" (one token each, one SSE chunk each) laid out per reasoning mode.

import { groundingAnswer } from './grounding.mjs';
import { thousands } from './log.mjs';
import { describeVideo } from './video.mjs';

/**
 * @typedef {'reasoning' | 'content'} Channel
 * @typedef {{ channel: Channel, text: string, cost: number }} Unit  cost = tokens it counts for (tag fragments: 0)
 */

/** Splits text into word-sized tokens, each carrying its leading whitespace, so concatenation is lossless. */
export function tokenize(/** @type {string} */ text) {
  /** @type {string[]} */
  const tokens = [];
  for (const token of text.match(/\s*\S+/g) ?? []) {
    // Overlong "words" (URLs, base64) are cut so one chunk stays word-sized.
    for (let i = 0; i < token.length; i += 16) tokens.push(token.slice(i, i + 16));
  }
  return tokens;
}

const truncate = (/** @type {string} */ s, /** @type {number} */ n) =>
  s.length > n ? `${s.slice(0, n - 1)}…` : s;
const plural = (/** @type {number} */ n, /** @type {string} */ word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per image, e.g. `Image 1: jpeg, 1500×1125, 183,204 bytes`. */
export function describeImage(/** @type {import('./chat-request.mjs').ImagePart} */ image) {
  const label = `Image ${image.index}:`;
  if (image.remote)
    return `${label} remote URL ${truncate(image.remote, 80)} (not fetched by the demo engine)`;
  const bytes = `${thousands(image.bytes ?? 0)} bytes`;
  if (!image.format) return `${label} unrecognised format (declared ${image.mediaType}), ${bytes}`;
  if (!image.width || !image.height)
    return `${label} ${image.format}, size not readable from the header, ${bytes}`;
  return `${label} ${image.format}, ${image.width}×${image.height}, ${bytes}`;
}

const THINKING_FILLER = [
  'Let me double-check the details before answering.',
  'The format and the size of each attached part matter here.',
  'I will keep the answer short and structured.',
  'A list, a table and a code block will exercise the renderer.',
  'Nothing here needs a tool call; plain text will do.',
  'Let me reconsider the order of the sections once more.',
  'A table is a compact way to summarise the inputs.',
  'The code block should be valid TypeScript.',
];

const ANSWER_FILLER = [
  'This reply comes from the demo engine, which imitates a vLLM server without a GPU.',
  'Its text is deterministic, so the same request always yields the same answer.',
  'The pace of the stream is set by the tokens-per-second flag.',
  'Each chunk of the stream carries one word-sized token.',
  'Longer replies are padded with sentences like this one.',
  'A real model would describe the image contents instead of its header.',
];

/**
 * @param {import('./chat-request.mjs').ChatRequest} req
 * @param {Record<string, any>} opts
 * @returns {{ thinking: string[], answer: string[] }} token lists
 */
export function composeReply(req, opts) {
  const quoted = truncate(req.lastUserText.replace(/\s+/g, ' ').trim(), 200);
  const imageLines = [...req.images.map(describeImage), ...req.videos.map(describeVideo)];
  const grounding = groundingAnswer(req, opts);

  const thinkingStart = [
    'Let me look at the request.',
    `The conversation has ${plural(req.messageCount, 'message')}, and the last user message ${quoted ? `says "${truncate(quoted, 80)}".` : 'has no text.'}`,
    imageLines.length
      ? `There ${imageLines.length === 1 ? 'is one image' : `are ${imageLines.length} images`} attached.`
      : 'No image is attached, so this is a text-only turn.',
    'I should state what I received, then show a short list, a small table and a code block.',
  ];
  const thinking = fill(tokenize(thinkingStart.join(' ')), THINKING_FILLER, opts.thinkingTokens, ' ').slice(
    0,
    opts.thinkingTokens,
  );

  const answerText = [
    `You sent ${plural(req.messageCount, 'message')}. ${quoted ? `The last user message was: "${quoted}".` : 'The last user message had no text.'}`,
    imageLines.length ? imageLines.join('\n') : 'No images were attached.',
    ...(grounding ? [grounding] : []),
    [
      'Summary:',
      '',
      `- Messages: ${req.messageCount}`,
      `- Images: ${req.images.length}`,
      ...(req.videos.length ? [`- Videos: ${req.videos.length}`] : []),
      `- Prompt tokens (estimated): ${req.promptTokens}`,
    ].join('\n'),
    [
      '| Part | Value |',
      '| --- | --- |',
      `| messages | ${req.messageCount} |`,
      `| images | ${req.images.length} |`,
      `| characters in last message | ${req.lastUserText.length} |`,
    ].join('\n'),
    [
      '```ts',
      `const received = { messages: ${req.messageCount}, images: ${req.images.length} };`,
      'console.log(received);',
      '```',
    ].join('\n'),
  ].join('\n\n');
  return { thinking, answer: fill(tokenize(answerText), ANSWER_FILLER, opts.answerTokens, '\n\n') };
}

/** Appends filler sentences (a paragraph of five at a time, after `separator`) until `target` tokens. */
function fill(
  /** @type {string[]} */ tokens,
  /** @type {string[]} */ filler,
  /** @type {number} */ target,
  separator,
) {
  let i = 0;
  while (tokens.length < target) {
    const paragraph = Array.from({ length: 5 }, () => filler[i++ % filler.length]).join(' ');
    tokens.push(...tokenize(`${separator}${paragraph}`));
  }
  return tokens;
}

/** Splits a tag into 2–3 character fragments so a client parser sees it across chunk boundaries. */
function fragments(/** @type {string} */ tag) {
  const out = [];
  for (let i = 0, size = 2; i < tag.length; i += size, size = size === 2 ? 3 : 2)
    out.push(tag.slice(i, i + size));
  return out;
}

/**
 * Lays the reply out as units for a reasoning mode.
 * @param {{ thinking: string[], answer: string[] }} reply
 * @param {string} mode one of REASONING_MODES
 * @returns {Unit[]}
 */
export function buildUnits(reply, mode) {
  if (mode === 'reasoning' || mode === 'reasoning_content') {
    return [
      ...reply.thinking.map((text) => ({ channel: /** @type {Channel} */ ('reasoning'), text, cost: 1 })),
      ...reply.answer.map((text) => ({ channel: /** @type {Channel} */ ('content'), text, cost: 1 })),
    ];
  }
  // Raw modes: everything is content, with the model's own tags inline. ERNIE without a parser never emits the
  // opening <think> (its template pre-fills it) and wraps the answer in <response>.
  const ernie = mode === 'ernie-raw';
  /** @type {(string | { tag: string })[]} */
  const pieces = [
    ...(ernie ? [] : [{ tag: '<think>\n' }]),
    ...reply.thinking,
    { tag: ernie ? '\n</think>\n\n<response>\n' : '\n</think>\n\n' },
    ...reply.answer,
    ...(ernie ? [{ tag: '\n</response>\n' }] : []),
  ];
  /** @type {Unit[]} */
  const units = [];
  let carry = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      units.push({ channel: 'content', text: carry + piece, cost: 1 });
      carry = '';
      continue;
    }
    if (carry) units.push({ channel: 'content', text: carry, cost: 0 });
    carry = '';
    const parts = fragments(piece.tag);
    const previous = units.at(-1);
    // Glue the first fragment onto the previous token and the last onto the next one, so chunks like
    // `word\n<` and `k>\n\nThe` occur; the fragments in between travel alone. The tag counts as one token.
    if (previous && parts.length > 2) previous.text += parts.shift();
    if (parts.length > 1) carry = parts.pop() ?? '';
    for (const [i, text] of parts.entries()) units.push({ channel: 'content', text, cost: i === 0 ? 1 : 0 });
  }
  if (carry) units.push({ channel: 'content', text: carry, cost: 0 });
  return units;
}
