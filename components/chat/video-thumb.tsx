'use client';
// A clip in the chat history: its first frame as the poster (the browser decodes only the metadata and that
// frame), its length, and a play button that opens it in the lightbox.
import type { CSSProperties } from 'react';
import type { ImageRef } from '@/lib/client/conversations/types';
import { formatDuration } from '@/lib/client/video-format';

export interface VideoThumbProps {
  image: ImageRef;
  url: string;
  style: CSSProperties;
  onOpen(): void;
}

export function VideoThumb({ image, url, style, onOpen }: VideoThumbProps) {
  return (
    <button
      type="button"
      data-testid="message-video"
      data-state="ready"
      aria-label={`Play ${image.name ?? 'clip'}`}
      onClick={onOpen}
      style={style}
      className="relative block h-40 max-w-full overflow-hidden rounded-xl border border-border bg-black transition hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      {/* `#t=0.1`: the poster is a frame just after the start, which is often black. */}
      <video src={`${url}#t=0.1`} preload="metadata" muted playsInline className="size-full object-cover" />
      <span className="absolute inset-0 flex items-center justify-center">
        <span className="flex size-11 items-center justify-center rounded-full bg-black/60 text-white">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden fill="currentColor">
            <path d="M8 5v14l11-7z" />
          </svg>
        </span>
      </span>
      {image.durationS ? (
        <span className="absolute right-1.5 bottom-1.5 rounded bg-black/65 px-1.5 text-[11px] text-white">
          {formatDuration(image.durationS)}
        </span>
      ) : null}
    </button>
  );
}
