// Grounding answers: a question that asks to find something in a picture ("find", "locate", "where is",
// "detect") is answered with one box in the format of the served model's family, so the app's overlay is
// exercised without a GPU. The family comes from --grounding-format, else from the served model name (the
// same table the app reads replies with). The box is deterministic: the middle of the picture, from a quarter
// to a half of each side.

import { groundingFamily } from '../../lib/grounding/families.mjs';

export const GROUNDING_FORMATS = ['qwen2.5-vl', 'internvl', 'ernie-4.5-vl'];
const QUESTION = /\b(find|locate|where is|where are|detect)\b/i;

/** The subject of the question, e.g. "Where is the red car?" → "the red car". */
function subject(/** @type {string} */ text) {
  const match = /\b(?:find|locate|where (?:is|are)|detect)\s+(?:all\s+)?([^?.!\n]{1,40})/i.exec(text);
  return (match?.[1] ?? 'object').trim().replace(/\s+in (?:the|this) (?:image|picture|photo)$/i, '');
}

/** Answers by family: what each model writes for one box. */
const ANSWERS = {
  'qwen2.5-vl': (/** @type {string} */ label, /** @type {{width:number,height:number}} */ size) => {
    const box = [size.width / 4, size.height / 4, size.width / 2, size.height / 2].map(Math.round);
    return `\`\`\`json\n[\n\t{"bbox_2d": [${box.join(', ')}], "label": ${JSON.stringify(label)}}\n]\n\`\`\``;
  },
  internvl: (/** @type {string} */ label) => `<ref>${label}</ref><box>[[250, 250, 500, 500]]</box>`,
  'ernie-4.5-vl': (/** @type {string} */ label) =>
    `\`\`\`json\n[{"bbox_2d": [250, 250, 500, 500], "label": ${JSON.stringify(label)}}]\n\`\`\``,
};

/**
 * @param {import('./chat-request.mjs').ChatRequest} req
 * @param {Record<string, any>} opts
 * @returns {string | null} the answer's grounding part, or null when the turn is not a grounding question
 */
export function groundingAnswer(req, opts) {
  const image = req.images.at(-1);
  if (!image || !QUESTION.test(req.lastUserText)) return null;
  const family = opts.groundingFormat ?? groundingFamily(opts.servedModelName) ?? 'qwen2.5-vl';
  const size = { width: image.width || 1000, height: image.height || 1000 };
  return ANSWERS[/** @type {keyof typeof ANSWERS} */ (family)](subject(req.lastUserText), size);
}
