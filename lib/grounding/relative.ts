// Turns parsed shapes into fractions of the picture. Pixel coordinates are relative to the size that was SENT
// (the prepared image, after the browser's resize), not the original file nor the size shown.
import type { GroundingResult, RelativeShape } from './types';

export interface SentSize {
  width: number;
  height: number;
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));

export function toRelative(result: GroundingResult, sent: SentSize | null): RelativeShape[] {
  const scale =
    result.space === 'grid1000'
      ? { x: 1000, y: 1000 }
      : sent && sent.width > 0 && sent.height > 0
        ? { x: sent.width, y: sent.height }
        : null;
  if (!scale) return [];
  return result.shapes.map((shape) => {
    if (shape.kind === 'point') {
      return { kind: 'point', label: shape.label, x: clamp(shape.x / scale.x), y: clamp(shape.y / scale.y) };
    }
    const left = clamp(Math.min(shape.x1, shape.x2) / scale.x);
    const top = clamp(Math.min(shape.y1, shape.y2) / scale.y);
    const right = clamp(Math.max(shape.x1, shape.x2) / scale.x);
    const bottom = clamp(Math.max(shape.y1, shape.y2) / scale.y);
    return { kind: 'box', label: shape.label, left, top, width: right - left, height: bottom - top };
  });
}
