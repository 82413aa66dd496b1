// The grounding formats, one row per model family: how to find the shapes in a reply and which coordinate
// space they are in. Adding a model family is adding a row. Sources (quoted in the tests):
// - Qwen2.5-VL: JSON `bbox_2d` / `point_2d` in absolute pixels of the image as the model received it (Qwen2.5-VL
//   blog "Precise Object Grounding"; Alibaba Model Studio docs: coordinates relative to the resized image).
// - InternVL: `<ref>…</ref><box>[[x1,y1,x2,y2]]</box>` on a 0–1000 grid (InternVL / All-Seeing-v2 grounding data).
// - ERNIE-4.5-VL: no fixed syntax — it answers in the JSON the prompt asks for; Baidu's maintainers state its
//   boxes are relative, `x / 1000 * width`, as Qwen3-VL's (github.com/PaddlePaddle/ERNIE/issues/1364).
import type { GroundingFamily } from './families.mjs';
import { parseJsonShapes } from './parse-json';
import { parseRefBoxes } from './parse-ref-box';
import type { CoordinateSpace, GroundingShape } from './types';

export interface GroundingFormat {
  family: GroundingFamily;
  space: CoordinateSpace;
  parse(text: string): GroundingShape[];
}

export const GROUNDING_FORMATS: readonly GroundingFormat[] = [
  {
    family: 'qwen2.5-vl',
    space: 'pixels',
    parse: (text) => parseJsonShapes(text, { box: ['bbox_2d'], point: ['point_2d'], label: ['label'] }),
  },
  { family: 'internvl', space: 'grid1000', parse: parseRefBoxes },
  {
    family: 'ernie-4.5-vl',
    space: 'grid1000',
    parse: (text) =>
      parseJsonShapes(text, {
        box: ['bbox_2d', 'bbox', 'box', 'pos'],
        point: ['point_2d', 'point'],
        label: ['label', 'text', 'name'],
      }),
  },
];

export function formatOf(family: GroundingFamily): GroundingFormat {
  return GROUNDING_FORMATS.find((f) => f.family === family) as GroundingFormat;
}
