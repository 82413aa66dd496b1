// What a grounding reply carries once parsed: labelled boxes and points in the coordinate space of the
// model's format, and the same shapes as fractions of the picture, ready to draw at any size.
import type { GroundingFamily } from './families.mjs';

export type { GroundingFamily };

/** `pixels`: absolute pixels of the image the model was given; `grid1000`: 0–1000 on both axes. */
export type CoordinateSpace = 'pixels' | 'grid1000';

export type GroundingShape =
  | { kind: 'box'; label: string; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'point'; label: string; x: number; y: number };

export interface GroundingResult {
  family: GroundingFamily;
  space: CoordinateSpace;
  shapes: GroundingShape[];
}

/** A shape as fractions (0–1) of the picture's width and height. */
export type RelativeShape =
  | { kind: 'box'; label: string; left: number; top: number; width: number; height: number }
  | { kind: 'point'; label: string; x: number; y: number };
