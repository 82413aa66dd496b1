// Video parts of a chat request, as the demo engine reads them: a data URL (what the app sends) decoded and
// probed from its container headers, or a remote URL named but not fetched. Each clip is reported in the reply
// (container, size, duration, bytes) so a test can prove which clip arrived.

import { probeVideo } from '../../lib/media/video-probe.mjs';
import { decodeDataUrl } from './images.mjs';
import { thousands } from './log.mjs';

/**
 * @typedef {{ index: number, remote?: string, container?: string, mediaType?: string, width?: number,
 *   height?: number, durationS?: number | null, bytes?: number }} VideoPart
 */

/**
 * @param {unknown} videoUrl the part's `video_url` (`{url}`; a bare string is tolerated)
 * @param {number} index 1-based position among the request's clips
 * @returns {VideoPart | { status: number, error: Record<string, unknown> }}
 */
export function readVideo(videoUrl, index) {
  const url = typeof videoUrl === 'string' ? videoUrl : /** @type {any} */ (videoUrl)?.url;
  if (typeof url !== 'string')
    return badRequest(
      "[{'type': 'missing', 'loc': ('body', 'messages', 'content', 'video_url', 'url'), 'msg': 'Field required'}]",
    );
  if (/^https?:\/\//i.test(url)) return { index, remote: url };
  const data = decodeDataUrl(url);
  if (!data)
    return badRequest(
      "Invalid 'video_url': A valid 'video_url' must start with either 'data:video' or 'http'.",
    );
  if (data.bytes.length === 0)
    return badRequest(`Failed to load video ${index}: the data URL carries no data.`);
  const info = probeVideo(data.bytes);
  return { index, mediaType: data.mediaType, bytes: data.bytes.length, ...(info ?? {}) };
}

const badRequest = (/** @type {string} */ message) => ({
  status: 400,
  error: { message, type: 'BadRequestError', param: null, code: 400 },
});

/** One line per clip, e.g. `Video 1: mp4, 320×240, 2.0 s, 11,516 bytes`. */
export function describeVideo(/** @type {VideoPart} */ video) {
  const label = `Video ${video.index}:`;
  if (video.remote)
    return `${label} remote URL ${video.remote.slice(0, 80)} (not fetched by the demo engine)`;
  const bytes = `${thousands(video.bytes ?? 0)} bytes`;
  if (!video.container) return `${label} unrecognised container (declared ${video.mediaType}), ${bytes}`;
  const size =
    video.width && video.height ? `${video.width}×${video.height}` : 'size not readable from the header';
  const duration = video.durationS ? `${video.durationS.toFixed(1)} s` : 'duration unknown';
  return `${label} ${video.container}, ${size}, ${duration}, ${bytes}`;
}

/** Rough cost like Qwen2.5-VL's: 2 frames a second, pairs of frames merged, one token per 28×28 block. */
export function videoTokens(/** @type {VideoPart} */ video) {
  if (!video.width || !video.height) return 1024;
  const frames = Math.min(180, Math.max(4, Math.ceil((video.durationS ?? 2) * 2)));
  return Math.ceil(frames / 2) * Math.ceil(video.width / 28) * Math.ceil(video.height / 28);
}
