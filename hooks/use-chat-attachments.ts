'use client';
// The composer's attachment queue (lib/client/chat-attachments.ts) for React: one queue per composer,
// told the running model's limits on each render, its state through useSyncExternalStore.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { AttachmentQueue } from '@/lib/client/chat-attachments';
import type { ComposerImageLimits } from '@/lib/client/image-limits';

export type { Attachment, AttachmentStatus, ReadyResult } from '@/lib/client/chat-attachments';

export function useChatAttachments(limits: ComposerImageLimits) {
  const [queue] = useState(() => new AttachmentQueue(limits));
  queue.setLimits(limits);
  const { items, notice } = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);

  // Thumbnails hold object URLs: give them back when the composer goes away.
  useEffect(() => () => queue.releaseUrls(), [queue]);

  const actions = useMemo(
    () => ({
      add: (files: readonly File[]) => queue.add(files),
      remove: (ids: readonly string[]) => queue.remove(ids),
      toggleOriginal: (id: string) => queue.toggleOriginal(id),
      retry: (id: string) => queue.retry(id),
      dismissNotice: () => queue.dismissNotice(),
      whenReady: () => queue.whenReady(),
    }),
    [queue],
  );
  return { items, notice, ...actions };
}
