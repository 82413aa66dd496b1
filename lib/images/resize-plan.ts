// How big an image should be when it is sent: small enough to cross a slow tunnel quickly and to stay
// within what the model can use (its processor downsizes anything larger anyway), never upscaled, aspect
// ratio kept. Pure maths, shared by the browser (which resizes) and the tests.

export interface ResizeLimits {
  /** Pixel budget, e.g. ~1.5 MP by default, ~4.8 MP for ERNIE-VL at full detail. */
  maxPixels: number;
  /** Longest side, in pixels. */
  maxSide: number;
  /** Side lengths are rounded down to a multiple of this (28 for ERNIE-VL and Qwen2-VL patches); 1 = any. */
  multipleOf?: number;
}

export const DEFAULT_LIMITS: ResizeLimits = { maxPixels: 1_500_000, maxSide: 2048, multipleOf: 1 };

export interface ResizePlan {
  width: number;
  height: number;
  /** False when the image can be sent as it is (it is within every limit). */
  resized: boolean;
}

export function planResize(width: number, height: number, limits: ResizeLimits = DEFAULT_LIMITS): ResizePlan {
  if (!(width > 0 && height > 0)) return { width, height, resized: false };
  const multiple = Math.max(1, Math.floor(limits.multipleOf ?? 1));
  const scale = Math.min(
    1,
    limits.maxSide / Math.max(width, height),
    Math.sqrt(limits.maxPixels / (width * height)),
  );
  let w = Math.max(1, Math.floor(width * scale));
  let h = Math.max(1, Math.floor(height * scale));
  if (multiple > 1) {
    w = Math.max(multiple, Math.floor(w / multiple) * multiple);
    h = Math.max(multiple, Math.floor(h / multiple) * multiple);
  }
  const resized = w !== width || h !== height;
  return { width: w, height: h, resized };
}

/**
 * Image tokens a ViT with `patch`-pixel merged patches spends on an image of this size, after the model's
 * own rounding to multiples of the patch (ERNIE-VL and Qwen2-VL: one token per 28×28 block).
 */
export function estimateImageTokens(width: number, height: number, patch = 28): number {
  if (!(width > 0 && height > 0)) return 0;
  const w = Math.max(patch, Math.round(width / patch) * patch);
  const h = Math.max(patch, Math.round(height / patch) * patch);
  return (w / patch) * (h / patch);
}
