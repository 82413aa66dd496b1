'use client';
// Where a dropped, pasted or picked file goes: images to the image attachments, clips to the clip queue, and
// PDFs to the page picker first (one at a time), whose pages then join the images. The composer sees one
// attachment list: Send waits for both queues and sends images and clips together.
import { useCallback, useMemo, useState } from 'react';
import type { ReadyResult } from '@/lib/client/chat-attachments';
import type { ComposerImageLimits } from '@/lib/client/image-limits';
import { isPdf } from '@/lib/client/pdf-render';
import { isVideoFile } from '@/lib/client/video-facts';
import { useChatClips } from './use-chat-clips';

/** What the file picker offers (everything is still checked by its content). */
export const MEDIA_ACCEPT = 'image/*,video/mp4,video/quicktime,video/webm,application/pdf,.pdf,.mov,.webm';

interface ImageQueue {
  add(files: readonly File[]): Promise<void>;
  whenReady(): Promise<ReadyResult>;
  remove(ids: readonly string[]): void;
}

export function useMediaIntake(limits: ComposerImageLimits, images: ImageQueue) {
  const clips = useChatClips(limits);
  const [pdfs, setPdfs] = useState<File[]>([]);
  const { add: addClips, whenReady: clipsReady, remove: removeClips } = clips;
  const { add: addImages, whenReady: imagesReady, remove: removeImages } = images;

  const intake = useCallback(
    async (files: readonly File[]) => {
      const documents = files.filter(isPdf);
      const videos = files.filter((f) => !isPdf(f) && isVideoFile(f));
      const pictures = files.filter((f) => !isPdf(f) && !isVideoFile(f));
      if (documents.length > 0) setPdfs((queued) => [...queued, ...documents]);
      await Promise.all([
        videos.length > 0 ? addClips(videos) : null,
        pictures.length > 0 ? addImages(pictures) : null,
      ]);
    },
    [addClips, addImages],
  );

  /** The composer's view: images and clips as one list. */
  const attachments = useMemo<ImageQueue>(
    () => ({
      add: intake,
      async whenReady() {
        const [ready, clipped] = await Promise.all([imagesReady(), clipsReady()]);
        if (!ready.ok) return ready;
        if (!clipped.ok) return clipped;
        return { ok: true, images: [...ready.images, ...clipped.clips], ids: [...ready.ids, ...clipped.ids] };
      },
      remove(ids) {
        removeImages(ids);
        removeClips(ids);
      },
    }),
    [intake, imagesReady, clipsReady, removeImages, removeClips],
  );

  /** The picker is done with the first PDF (its pages added, or cancelled). */
  const nextPdf = useCallback(() => setPdfs((queued) => queued.slice(1)), []);
  return { clips, pdf: pdfs[0] ?? null, nextPdf, intake, attachments };
}
