// Which grounding format a model answers in, from its name. Plain data shared by the app (to read a reply) and
// the demo engine (to answer in the same format), so the two can never disagree.

/** @type {readonly { family: import('./families.d.mts').GroundingFamily, pattern: RegExp }[]} */
export const MODEL_FAMILIES = [
  { family: 'qwen2.5-vl', pattern: /qwen2[._-]?5[._-]?vl/i },
  { family: 'internvl', pattern: /internvl/i },
  { family: 'ernie-4.5-vl', pattern: /ernie[._-]?4[._-]?5[._-]?vl/i },
];

/**
 * @param {string | null | undefined} model a served model name, Hub id or profile default
 * @returns {import('./families.d.mts').GroundingFamily | null}
 */
export function groundingFamily(model) {
  if (!model) return null;
  return MODEL_FAMILIES.find((row) => row.pattern.test(model))?.family ?? null;
}
