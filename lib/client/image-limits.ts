// How many images a message may carry and how they are sized, for the running model: the engine's own
// per-prompt limit (vLLM's --limit-mm-per-prompt, as launched) wins over the profile's default. The server
// checks the count again; the composer enforces it first so the person learns before sending.
import type { ImageLimits, VideoLimits } from '@/lib/engine/profiles';
import { DEFAULT_LIMITS } from '@/lib/images/resize-plan';

export interface ComposerImageLimits {
  maxImages: number;
  maxPixels: number;
  tokenPatch: number;
  /** Clips: absent when the running model takes none. */
  video?: VideoLimits;
  maxVideoBytes?: number;
  /** The profiles have not arrived yet: what the model takes is not known (no clip is refused meanwhile). */
  pending?: boolean;
}

const FALLBACK: ComposerImageLimits = { maxImages: 4, maxPixels: DEFAULT_LIMITS.maxPixels, tokenPatch: 28 };

export function composerImageLimits(
  runningOptions: Record<string, unknown> | null | undefined,
  profileImages: ImageLimits | null | undefined,
): ComposerImageLimits {
  const running = runningOptions?.imagesPerPrompt;
  const launched = typeof running === 'number' && Number.isInteger(running) && running >= 0 ? running : null;
  return {
    maxImages: launched ?? profileImages?.maxImagesPerMessage ?? FALLBACK.maxImages,
    maxPixels: profileImages?.maxPixels ?? FALLBACK.maxPixels,
    tokenPatch: profileImages?.tokenPatch ?? FALLBACK.tokenPatch,
  };
}

const plural = (n: number) => `${n} image${n === 1 ? '' : 's'}`;
const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

/** How many of the incoming files fit beside those already attached, and what to say about the rest. */
export function admitImages(
  attached: number,
  incoming: readonly string[],
  maxImages: number,
): { admitted: number; refusal: string | null } {
  const admitted = Math.max(0, Math.min(incoming.length, maxImages - attached));
  const left = incoming.slice(admitted);
  if (left.length === 0) return { admitted, refusal: null };
  const reason =
    maxImages === 0
      ? 'The running model takes no images (it was launched with 0 images per prompt).'
      : `The running model takes at most ${plural(maxImages)} per message.`;
  return { admitted, refusal: `${reason} Not added: ${quoted(left)}.` };
}

/** Null when the attached images fit; otherwise why the message cannot go (the limit dropped after a relaunch). */
export function overLimit(attached: number, maxImages: number): string | null {
  if (attached <= maxImages) return null;
  return `This message has ${plural(attached)}; the running model takes at most ${plural(maxImages)} per message. Remove ${attached - maxImages}.`;
}
