'use client';
// The images and clips a message was sent with, read back from IndexedDB; a click opens one full size (a clip
// plays there). When the reply to the message names boxes or points, they are drawn on its last picture.
import { lazy, memo, Suspense, useState } from 'react';
import { ImageIcon } from '@/components/ui/icons';
import { useChatImage } from '@/hooks/use-chat-image';
import type { ChatMessage, ImageRef } from '@/lib/client/conversations/types';
import { groundingShapes } from '@/lib/client/grounding-cache';
import { isVideoRef } from '@/lib/client/video-ref';
import { GroundingOverlay, GroundingToggle } from './grounding-overlay';
import { VideoThumb } from './video-thumb';

// The lightbox loads when an image is first opened, not with the page. React's lazy rather than next/dynamic:
// it only ever renders after a click, and next/dynamic brings server-rendering helpers onto the first load.
const ImageLightbox = lazy(() => import('./image-lightbox').then((m) => ({ default: m.ImageLightbox })));

export interface MessageImagesProps {
  images: readonly ImageRef[];
  /** The complete reply to this message, read for grounding shapes. */
  reply?: ChatMessage;
}

function MessageImage({ image, reply }: { image: ImageRef; reply?: ChatMessage }) {
  const stored = useChatImage(image.key);
  const [isOpen, setOpen] = useState(false);
  const [showShapes, setShowShapes] = useState(true);
  const sent = image.width && image.height ? { width: image.width, height: image.height } : null;
  const shapes = groundingShapes(reply, sent);
  const ratio = sent ? sent.width / sent.height : 4 / 3;
  // Reserve the box from the stored size, so the list does not jump when the picture arrives.
  const style = { aspectRatio: String(Math.min(3, Math.max(1 / 3, ratio))) };
  if (stored.state !== 'ready') {
    return (
      <div
        data-testid="message-image"
        data-state={stored.state}
        style={style}
        className="flex h-40 max-w-full items-center justify-center gap-1.5 rounded-xl border border-border bg-muted px-3 text-xs text-muted-foreground"
      >
        {stored.state === 'missing' && (
          <>
            <ImageIcon size={16} /> {isVideoRef(image) ? 'Clip' : 'Image'} not stored in this browser
          </>
        )}
      </div>
    );
  }
  const lightbox = isOpen && (
    <Suspense fallback={null}>
      <ImageLightbox
        image={image}
        url={stored.url}
        shapes={showShapes ? shapes : null}
        onClose={() => setOpen(false)}
      />
    </Suspense>
  );
  if (isVideoRef(image)) {
    return (
      <>
        <VideoThumb image={image} url={stored.url} style={style} onOpen={() => setOpen(true)} />
        {lightbox}
      </>
    );
  }
  return (
    <div className="relative h-40 max-w-full" style={style}>
      <button
        type="button"
        data-testid="message-image"
        data-state="ready"
        aria-label={`Open ${image.name ?? 'image'} full size`}
        onClick={() => setOpen(true)}
        className="block size-full overflow-hidden rounded-xl border border-border bg-muted transition hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {/* biome-ignore lint/performance/noImgElement: a local blob: URL, nothing for next/image to optimise */}
        <img
          src={stored.url}
          alt={image.name ?? ''}
          className={`size-full ${shapes ? 'object-fill' : 'object-cover'}`}
        />
      </button>
      {shapes && showShapes && <GroundingOverlay shapes={shapes} showLabels={false} />}
      {shapes && (
        <GroundingToggle
          count={shapes.length}
          shown={showShapes}
          onToggle={() => setShowShapes((v) => !v)}
          className="absolute bottom-1.5 left-1.5"
        />
      )}
      {lightbox}
    </div>
  );
}

export const MessageImages = memo(function MessageImages({ images, reply }: MessageImagesProps) {
  // Grounding answers are about the picture the question showed: the last one of the message.
  const lastPicture = images.findLast((image) => !isVideoRef(image))?.key;
  return (
    <div data-testid="message-images" className="flex max-w-[85%] flex-wrap justify-end gap-2">
      {images.map((image) => (
        <MessageImage key={image.key} image={image} reply={image.key === lastPicture ? reply : undefined} />
      ))}
    </div>
  );
});
