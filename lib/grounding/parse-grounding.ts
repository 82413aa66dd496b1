// Reads the boxes and points out of a reply. The model's family (from its name) picks the format; a model of
// no known family is read by syntax alone: `<ref><box>` is InternVL's, JSON `bbox_2d` is taken as Qwen's pixels.
import { groundingFamily } from './families.mjs';
import { formatOf, GROUNDING_FORMATS } from './formats';
import type { GroundingResult } from './types';

export function parseGrounding(text: string, model?: string | null): GroundingResult | null {
  if (!text) return null;
  const family = groundingFamily(model);
  const candidates = family ? [formatOf(family)] : [formatOf('internvl'), formatOf('qwen2.5-vl')];
  for (const format of candidates) {
    const shapes = format.parse(text);
    if (shapes.length > 0) return { family: format.family, space: format.space, shapes };
  }
  return null;
}

export { GROUNDING_FORMATS };
