// Trims and downscales a clip in the browser before upload, with WebCodecs through mediabunny (loaded only
// when a clip needs it). The codec is the first one this browser can encode: H.264 in MP4 where available,
// else VP9/VP8 in WebM (Chromium builds without proprietary codecs).
import type { ClipPlan } from '@/lib/media/video-tokens';

export interface PreparedClip {
  blob: Blob;
  container: 'mp4' | 'webm';
}

export async function transcodeClip(
  file: Blob,
  plan: ClipPlan,
  onProgress?: (fraction: number) => void,
): Promise<PreparedClip> {
  const mb = await import('mediabunny');
  const codec = await mb.getFirstEncodableVideoCodec(['avc', 'vp9', 'vp8'], {
    width: plan.width,
    height: plan.height,
  });
  if (!codec) throw new Error('This browser cannot encode video (no WebCodecs encoder).');
  const container = codec === 'avc' ? 'mp4' : 'webm';
  const input = new mb.Input({ source: new mb.BlobSource(file), formats: mb.ALL_FORMATS });
  const output = new mb.Output({
    format:
      container === 'mp4' ? new mb.Mp4OutputFormat({ fastStart: 'in-memory' }) : new mb.WebMOutputFormat(),
    target: new mb.BufferTarget(),
  });
  const conversion = await mb.Conversion.init({
    input,
    output,
    video: { width: plan.width, height: plan.height, fit: 'contain', codec, bitrate: mb.QUALITY_MEDIUM },
    // The model hears nothing: audio would only cost bytes.
    audio: { discard: true },
    ...(plan.trimToS ? { trim: { start: 0, end: plan.trimToS } } : {}),
  });
  if (!conversion.isValid) throw new Error('The clip has no video track the browser can read.');
  if (onProgress) conversion.onProgress = (p) => onProgress(p);
  await conversion.execute();
  const buffer = (output.target as InstanceType<typeof mb.BufferTarget>).buffer;
  if (!buffer) throw new Error('The re-encoded clip came out empty.');
  return { blob: new Blob([buffer], { type: container === 'mp4' ? 'video/mp4' : 'video/webm' }), container };
}
