'use client';
// The images a message was sent with, read back from IndexedDB; a click opens one full size.
import dynamic from 'next/dynamic';
import { memo, useState } from 'react';
import { ImageIcon } from '@/components/ui/icons';
import { useChatImage } from '@/hooks/use-chat-image';
import type { ImageRef } from '@/lib/client/conversations/types';

// The lightbox loads when an image is first opened, not with the page.
const ImageLightbox = dynamic(() => import('./image-lightbox').then((m) => m.ImageLightbox), { ssr: false });

export interface MessageImagesProps {
  images: readonly ImageRef[];
}

function MessageImage({ image }: { image: ImageRef }) {
  const stored = useChatImage(image.key);
  const [isOpen, setOpen] = useState(false);
  const ratio = image.width && image.height ? image.width / image.height : 4 / 3;
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
            <ImageIcon size={16} /> Image not stored in this browser
          </>
        )}
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        data-testid="message-image"
        data-state="ready"
        aria-label={`Open ${image.name ?? 'image'} full size`}
        onClick={() => setOpen(true)}
        style={style}
        className="block h-40 max-w-full overflow-hidden rounded-xl border border-border bg-muted transition hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {/* biome-ignore lint/performance/noImgElement: a local blob: URL, nothing for next/image to optimise */}
        <img src={stored.url} alt={image.name ?? ''} className="size-full object-cover" />
      </button>
      {isOpen && <ImageLightbox image={image} url={stored.url} onClose={() => setOpen(false)} />}
    </>
  );
}

export const MessageImages = memo(function MessageImages({ images }: MessageImagesProps) {
  return (
    <div data-testid="message-images" className="flex max-w-[85%] flex-wrap justify-end gap-2">
      {images.map((image) => (
        <MessageImage key={image.key} image={image} />
      ))}
    </div>
  );
});
