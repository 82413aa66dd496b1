// What a clip will cost the model and what to send instead when it is longer or larger than the model uses:
// the model's processor samples `sampleFps` frames a second (at most `maxFrames`), downsizes each frame to
// `maxFramePixels` and merges `temporalPatch` frames into one set of 28×28-patch tokens. Sending more than
// that costs upload time and gains nothing. Pure: the composer and the benchmark share it.
import type { VideoLimits } from '@/lib/engine/profiles';

export interface ClipFacts {
  width: number;
  height: number;
  /** Seconds; null when unknown. */
  durationS: number | null;
  bytes: number;
}

const PATCH = 28;

export function sampledFrames(durationS: number | null, limits: VideoLimits): number {
  const seconds = durationS ?? 10;
  return Math.min(limits.maxFrames, Math.max(limits.temporalPatch, Math.ceil(seconds * limits.sampleFps)));
}

/** Frame size the processor works at: the clip's, scaled down to `maxFramePixels`, in whole patches. */
export function frameSize(
  width: number,
  height: number,
  limits: VideoLimits,
): { width: number; height: number } {
  const scale = Math.min(1, Math.sqrt(limits.maxFramePixels / Math.max(1, width * height)));
  const snap = (n: number) => Math.max(PATCH, Math.round((n * scale) / PATCH) * PATCH);
  return { width: snap(width), height: snap(height) };
}

export function estimateVideoTokens(clip: ClipFacts, limits: VideoLimits): number {
  const frame = frameSize(clip.width || 640, clip.height || 360, limits);
  const groups = Math.ceil(sampledFrames(clip.durationS, limits) / limits.temporalPatch);
  return groups * (frame.width / PATCH) * (frame.height / PATCH);
}

export interface ClipPlan {
  /** Re-encode in the browser (trim and/or downscale) before upload. */
  transcode: boolean;
  /** Output size (even numbers, as encoders want); the clip's own when no downscale is needed. */
  width: number;
  height: number;
  /** Seconds kept from the start; null keeps it whole. */
  trimToS: number | null;
  /** Whether the unchanged file may be sent ("send original"). */
  originalFits: boolean;
}

/**
 * @param maxBytes the server's per-clip cap
 * @param maxSeconds longest clip worth sending (beyond it the model samples no more frames)
 */
export function planClip(clip: ClipFacts, limits: VideoLimits, maxBytes: number): ClipPlan {
  const maxSeconds = limits.maxFrames / limits.sampleFps;
  const tooLong = clip.durationS !== null && clip.durationS > maxSeconds;
  const tooLarge = clip.width * clip.height > limits.maxFramePixels * 1.1;
  const scale = tooLarge ? Math.sqrt(limits.maxFramePixels / (clip.width * clip.height)) : 1;
  const even = (n: number) => Math.max(2, Math.round((n * scale) / 2) * 2);
  const originalFits = clip.bytes <= maxBytes && !tooLong;
  return {
    transcode: tooLong || tooLarge || clip.bytes > maxBytes,
    width: even(clip.width),
    height: even(clip.height),
    trimToS: tooLong ? maxSeconds : null,
    originalFits,
  };
}
