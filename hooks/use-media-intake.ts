'use client';
// Where a dropped, pasted or picked file goes: images to the image attachments, clips to the clip queue, and
// PDFs to the page picker first (one at a time), whose pages then join the images.
import { useCallback, useState } from 'react';
import type { ComposerImageLimits } from '@/lib/client/image-limits';
import { isPdf } from '@/lib/client/pdf-render';
import { isVideoFile } from '@/lib/client/video-facts';
import { useChatClips } from './use-chat-clips';

/** What the file picker offers (everything is still checked by its content). */
export const MEDIA_ACCEPT = 'image/*,video/mp4,video/quicktime,video/webm,application/pdf,.pdf,.mov,.webm';

export function useMediaIntake(limits: ComposerImageLimits, addImages: (files: File[]) => void) {
  const clips = useChatClips(limits);
  const [pdfs, setPdfs] = useState<File[]>([]);
  const { add: addClips } = clips;

  const intake = useCallback(
    (files: readonly File[]) => {
      const documents = files.filter(isPdf);
      const videos = files.filter((f) => !isPdf(f) && isVideoFile(f));
      const images = files.filter((f) => !isPdf(f) && !isVideoFile(f));
      if (documents.length > 0) setPdfs((queued) => [...queued, ...documents]);
      if (videos.length > 0) void addClips(videos);
      if (images.length > 0) addImages(images);
    },
    [addClips, addImages],
  );

  /** The picker is done with the first PDF (its pages added, or cancelled). */
  const nextPdf = useCallback(() => setPdfs((queued) => queued.slice(1)), []);
  return { clips, pdf: pdfs[0] ?? null, nextPdf, intake };
}
