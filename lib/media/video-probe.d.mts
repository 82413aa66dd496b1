export type VideoContainer = 'mp4' | 'mov' | 'webm' | 'mkv';
export interface VideoInfo {
  container: VideoContainer;
  /** 0 when no video track header carries a size. */
  width: number;
  height: number;
  /** Seconds, when the container states it. */
  durationS: number | null;
}
export declare function probeVideo(bytes: Uint8Array): VideoInfo | null;
export declare const VIDEO_MIME: Record<VideoContainer, string>;
