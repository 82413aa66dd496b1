// A clip attached to a message: read (facts, poster), planned (trim/downscale for the model, or the original
// where it fits the caps), re-encoded in the browser when needed, then uploaded once by content hash as images
// are. Used by the composer's attachment flow; the chat history stores the sent clip like an image.
import type { VideoLimits } from '@/lib/engine/profiles';
import { type ClipPlan, estimateVideoTokens, planClip } from '@/lib/media/video-tokens';
import { type ClipInfo, capturePoster, readClipInfo } from './video-facts';
import { transcodeClip } from './video-prepare';

export { isVideoRef } from './video-ref';

export interface ClipFactsForComposer {
  info: ClipInfo;
  posterUrl: string | null;
  plan: ClipPlan;
  /** Visual tokens of what will be sent (after the plan). */
  tokens: number;
}

/** Refusal reason, or the facts: a clip for a model that takes none is refused before any work. */
export async function readClip(
  file: File,
  limits: VideoLimits | undefined,
  maxBytes: number,
): Promise<{ ok: true; facts: ClipFactsForComposer } | { ok: false; reason: string }> {
  if (!limits) return { ok: false, reason: 'the running model does not take video clips' };
  const info = await readClipInfo(file);
  if (!info) return { ok: false, reason: 'it is not an MP4, MOV or WebM clip' };
  const poster = await capturePoster(file);
  const clip = {
    width: info.width || poster?.width || 0,
    height: info.height || poster?.height || 0,
    durationS: info.durationS ?? poster?.durationS ?? null,
    bytes: info.bytes,
  };
  const plan = planClip(clip, limits, maxBytes);
  const sent = { ...clip, width: plan.width, height: plan.height, durationS: plan.trimToS ?? clip.durationS };
  return {
    ok: true,
    facts: {
      info: { ...info, ...clip },
      posterUrl: poster ? URL.createObjectURL(poster.blob) : null,
      plan,
      tokens: estimateVideoTokens(sent, limits),
    },
  };
}

/** The bytes to send: the file itself when it fits and the person chose it (or nothing needs changing). */
export async function prepareClip(
  file: File,
  plan: ClipPlan,
  sendOriginal: boolean,
  onProgress?: (fraction: number) => void,
): Promise<Blob> {
  if (!plan.transcode || (sendOriginal && plan.originalFits)) return file;
  return (await transcodeClip(file, plan, onProgress)).blob;
}
