'use client';
// An image at full size over the page, on the native modal <dialog>: the page behind is inert, Tab cycles
// between the dialog's own controls, Esc or a click beside the picture closes, and focus returns to the
// thumbnail that opened it.
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { CloseIcon, DownloadIcon } from '@/components/ui/icons';
import type { ImageRef } from '@/lib/client/conversations/types';
import { formatBytes } from '@/lib/client/image-format';
import { formatDuration } from '@/lib/client/video-format';
import { isVideoRef } from '@/lib/client/video-ref';
import type { RelativeShape } from '@/lib/grounding';
import { GroundingOverlay } from './grounding-overlay';

export interface ImageLightboxProps {
  image: ImageRef;
  url: string;
  /** Boxes and points of a grounding reply, drawn over the picture. */
  shapes?: readonly RelativeShape[] | null;
  onClose(): void;
}

const EXTENSION: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
};

/** A native modal lets Tab leave for the browser's own UI; keep it on the dialog's controls instead. */
function trapTab(e: KeyboardEvent<HTMLDialogElement>) {
  if (e.key !== 'Tab') return;
  const controls = [...e.currentTarget.querySelectorAll<HTMLElement>('button, a[href]')];
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (e.shiftKey ? active === first || !e.currentTarget.contains(active) : active === last) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

export function ImageLightbox({ image, url, shapes, onClose }: ImageLightboxProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Closing goes through the dialog itself (which hands focus back to the thumbnail); its close event then
  // tells the parent to unmount it. Esc closes it natively.
  const close = () => ref.current?.close();

  const size = image.width && image.height ? `${image.width}×${image.height}` : null;
  const duration = image.durationS ? formatDuration(image.durationS) : null;
  const details = [size, duration, image.bytes ? formatBytes(image.bytes) : null].filter(Boolean).join(' · ');
  const isVideo = isVideoRef(image);
  const mediaClass =
    'block max-h-[calc(100dvh-6rem)] max-w-[calc(100vw-1.5rem)] rounded-lg object-contain shadow-2xl sm:max-w-[calc(100vw-3rem)]';
  const fileName = image.name ?? `${isVideo ? 'clip' : 'image'}.${EXTENSION[image.mediaType ?? ''] ?? 'jpg'}`;
  return (
    <dialog
      ref={ref}
      data-testid="lightbox"
      aria-label={`${isVideo ? 'Clip' : 'Image'}${image.name ? `: ${image.name}` : ''}`}
      onClose={onClose}
      onKeyDown={trapTab}
      onClick={(e) => {
        // Beside the picture (the backdrop, the margins) closes; the picture and the controls do not.
        if (e.target instanceof Element && !e.target.closest('img, video, a, button')) close();
      }}
      className="m-auto max-h-dvh max-w-[100vw] bg-transparent p-0 text-foreground backdrop:bg-black/90"
    >
      <figure className="flex flex-col items-center gap-2 p-3 sm:p-6">
        <div className="relative">
          {isVideo ? (
            // biome-ignore lint/a11y/useMediaCaption: the person's own clip; there is no caption track to give
            <video
              data-testid="lightbox-video"
              src={url}
              controls
              autoPlay
              playsInline
              className={`${mediaClass} bg-black`}
            />
          ) : (
            <>
              {/* biome-ignore lint/performance/noImgElement: a local blob: URL, nothing for next/image to optimise */}
              <img src={url} alt={image.name ?? 'Attached image'} className={`${mediaClass} bg-white`} />
              {shapes && shapes.length > 0 && <GroundingOverlay shapes={shapes} />}
            </>
          )}
          <IconButton
            label="Close"
            data-testid="lightbox-close"
            autoFocus
            onClick={close}
            className="absolute top-2 right-2 bg-black/55 text-white hover:bg-black/75 hover:text-white"
          >
            <CloseIcon size={18} />
          </IconButton>
        </div>
        <figcaption className="flex max-w-full items-center gap-2 rounded-full bg-black/70 py-1 pr-1 pl-3.5 text-sm text-white/90">
          <span className="min-w-0 truncate">
            {image.name}
            {details && <span className="text-white/60"> · {details}</span>}
          </span>
          <a
            href={url}
            download={fileName}
            data-testid="lightbox-download"
            className="inline-flex shrink-0 items-center gap-1.5 rounded-full px-2.5 py-1 text-white/90 transition hover:bg-white/15 hover:text-white focus-visible:outline-2 focus-visible:outline-white"
          >
            <DownloadIcon size={15} />
            Download
          </a>
        </figcaption>
      </figure>
    </dialog>
  );
}
