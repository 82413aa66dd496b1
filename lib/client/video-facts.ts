// What the composer shows of a dropped clip before anything is sent: its container, size and duration (from
// the headers, else from the browser's own decoder) and a poster frame. A clip the browser cannot decode
// still gets its header facts; it simply has no poster.
import { probeVideo, type VideoContainer } from '@/lib/media/video-probe.mjs';

export interface ClipInfo {
  container: VideoContainer;
  width: number;
  height: number;
  durationS: number | null;
  bytes: number;
}

/** The first and last 4 MB: `moov` is at one end of an MP4, the EBML headers at the start of a WebM. */
const HEAD = 4_000_000;

export async function readClipInfo(file: Blob): Promise<ClipInfo | null> {
  const head = new Uint8Array(await file.slice(0, HEAD).arrayBuffer());
  let info = probeVideo(head);
  if (!info) return null;
  if (!info.width && file.size > HEAD) {
    // `moov` after the media data: read the whole file only when it is small enough to hold.
    if (file.size <= 200_000_000) info = probeVideo(new Uint8Array(await file.arrayBuffer())) ?? info;
  }
  return { ...info, bytes: file.size };
}

export interface Poster {
  blob: Blob;
  width: number;
  height: number;
  durationS: number | null;
}

/** A JPEG of the clip's first frame, at most 640 px wide. */
export function capturePoster(file: Blob): Promise<Poster | null> {
  const url = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  const done = (result: Poster | null) => {
    URL.revokeObjectURL(url);
    video.removeAttribute('src');
    video.load();
    return result;
  };
  return new Promise<Poster | null>((resolve) => {
    let settled = false;
    const finish = (result: Poster | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(result));
    };
    // A clip the browser cannot decode (or decodes slowly) gets no poster rather than holding the composer.
    const timer = setTimeout(() => finish(null), 5000);
    video.onerror = () => finish(null);
    // The first decoded frame: seeking first (to skip a black frame) stalls on clips without cues.
    video.onloadeddata = () => {
      const scale = Math.min(1, 640 / Math.max(1, video.videoWidth));
      const canvas = new OffscreenCanvas(
        Math.max(1, Math.round(video.videoWidth * scale)),
        Math.max(1, Math.round(video.videoHeight * scale)),
      );
      const duration = Number.isFinite(video.duration) ? video.duration : null;
      const size = { width: video.videoWidth, height: video.videoHeight, durationS: duration };
      try {
        canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
      } catch {
        return finish(null);
      }
      canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 }).then(
        (blob) => finish({ blob, ...size }),
        () => finish(null),
      );
    };
    video.src = url;
  });
}

export const isVideoFile = (file: File) =>
  file.type.startsWith('video/') || /\.(mp4|m4v|mov|webm|mkv)$/i.test(file.name);
