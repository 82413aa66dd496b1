// Clips cross the tunnel once, like images: uploaded when attached, named by the SHA-256 of their bytes.
import type { VideoInfo } from '@/lib/media/video-probe.mjs';
import { ENDPOINTS } from './endpoints';
import { postBytes } from './http';

export interface UploadedVideo extends VideoInfo {
  key: string;
  bytes: number;
}

export function uploadVideo(blob: Blob, signal?: AbortSignal): Promise<UploadedVideo> {
  return postBytes<UploadedVideo>(ENDPOINTS.videos, blob, signal);
}
