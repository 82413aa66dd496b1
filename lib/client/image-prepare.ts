// The decisions of the image pipeline, kept pure so they can be tested without a canvas: how big an image
// is sent, in which formats it is encoded, and which encoding wins. The pixels are pushed by image-render.ts.
import type { ImageLimits } from '@/lib/engine/profiles';
import { DEFAULT_LIMITS, type ResizeLimits } from '@/lib/images/resize-plan';
import type { ImageType } from '@/lib/images/sniff';

/** `fast`: the default cap (~1.5 MP), quick over a tunnel; `original`: all the detail the model can use. */
export type PrepareMode = 'fast' | 'original';

export type OutputType = 'image/jpeg' | 'image/png';

export interface EncodeChoice {
  type: OutputType;
  /** JPEG quality, 0–1. */
  quality?: number;
}

/** The longest side sent in `original` mode: models downsize by pixel count, so this only stops absurd files. */
export const ORIGINAL_MAX_SIDE = 8192;
export const FAST_QUALITY = 0.85;
export const ORIGINAL_QUALITY = 0.92;

/**
 * The resize limits for a profile's image data. Fast mode caps at the default ~1.5 MP (or less when the model
 * uses less) and snaps sides to the model's patch, so the token estimate is exact and the engine need not
 * resample again. Original mode goes up to the model's own limit and leaves the sides alone.
 */
export function resizeLimitsFor(
  images: Pick<ImageLimits, 'maxPixels' | 'tokenPatch'> | null,
  mode: PrepareMode,
): ResizeLimits {
  const modelMax = images?.maxPixels ?? DEFAULT_LIMITS.maxPixels;
  if (mode === 'original') return { maxPixels: modelMax, maxSide: ORIGINAL_MAX_SIDE, multipleOf: 1 };
  return {
    maxPixels: Math.min(modelMax, DEFAULT_LIMITS.maxPixels),
    maxSide: DEFAULT_LIMITS.maxSide,
    multipleOf: images?.tokenPatch ?? 1,
  };
}

/**
 * The encodings to try, in order of preference on a tie. A PNG source is usually a screenshot or a diagram:
 * lossless keeps its text crisp and flat colours often compress smaller than JPEG, so PNG is tried first and
 * kept when it is no bigger. Everything else (photos, GIF frames, BMP) becomes a JPEG.
 */
export function encodeChoices(source: ImageType, mode: PrepareMode): EncodeChoice[] {
  const jpeg: EncodeChoice = {
    type: 'image/jpeg',
    quality: mode === 'original' ? ORIGINAL_QUALITY : FAST_QUALITY,
  };
  return source === 'png' ? [{ type: 'image/png' }, jpeg] : [jpeg];
}

/**
 * Whether the file itself may be offered as a candidate when no resize is needed: only formats every engine
 * decodes well, and only upright ones (engines ignore EXIF orientation, so a rotated photo must be redrawn).
 */
export function mayKeepOriginal(source: ImageType, orientation: number): boolean {
  return (source === 'jpeg' || source === 'png') && orientation === 1;
}

/** The smallest candidate; on a tie the earlier one (the order says which is preferred). */
export function pickSmallest<T extends { size: number }>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) if (!best || candidate.size < best.size) best = candidate;
  return best;
}
