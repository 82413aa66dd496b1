// InternVL's grounding syntax: `<ref>label</ref><box>[[x1, y1, x2, y2], …]</box>` (one label may carry several
// boxes), on a 0–1000 grid. A `<box>` without a `<ref>` before it (the All-Seeing-v2 relation captions repeat
// boxes after `<pred>`) is skipped, so each object is drawn once.
import type { GroundingShape } from './types';

const REF_BOX = /<ref>([\s\S]*?)<\/ref>\s*<box>\s*(\[[\s\S]*?\]\])\s*<\/box>/g;

export function parseRefBoxes(text: string): GroundingShape[] {
  const shapes: GroundingShape[] = [];
  for (const match of text.matchAll(REF_BOX)) {
    const label = (match[1] ?? '').trim();
    let boxes: unknown;
    try {
      boxes = JSON.parse(match[2] ?? '');
    } catch {
      continue;
    }
    if (!Array.isArray(boxes)) continue;
    for (const box of boxes) {
      if (!Array.isArray(box) || box.length !== 4 || !box.every((n) => typeof n === 'number')) continue;
      const [x1, y1, x2, y2] = box as [number, number, number, number];
      shapes.push({ kind: 'box', label, x1, y1, x2, y2 });
    }
  }
  return shapes;
}
