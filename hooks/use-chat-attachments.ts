'use client';
// The images attached to the message being written. Each is checked by its content when it is added, then
// prepared (resized, re-encoded) and uploaded at once, so by the time the person presses Send it has usually
// crossed the tunnel already; Send waits for whatever is still on its way.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-error';
import { newId } from '@/lib/client/chat-ids';
import { admitImages, type ComposerImageLimits, overLimit } from '@/lib/client/image-limits';
import { type CheckedFile, checkImageFile, type ImageFacts, prepareImage } from '@/lib/client/image-pipeline';
import { type SendableImage, uploadImage } from '@/lib/client/image-upload';
import { MIME } from '@/lib/images/sniff';

export type AttachmentStatus = 'preparing' | 'uploading' | 'ready' | 'failed';

export interface Attachment {
  id: string;
  name: string;
  status: AttachmentStatus;
  error: string | null;
  sendOriginal: boolean;
  source: ImageFacts;
  /** What will be sent, with an object URL for the thumbnail; null until prepared. */
  sent: (ImageFacts & { url: string }) | null;
  sha256: string | null;
}

interface Job {
  file: File;
  checked: Extract<CheckedFile, { ok: true }>;
  blob: Blob | null;
  url: string | null;
  /** Bumped by every (re)start, so a superseded run drops its result. */
  run: number;
  done: Promise<void>;
}

/** `ids`: the attachments sent, to be cleared once the server accepts the message. */
export type ReadyResult = { ok: true; images: SendableImage[]; ids: string[] } | { ok: false; error: string };

function describeFailure(error: unknown, stage: 'prepare' | 'upload'): string {
  if (error instanceof ApiError) return error.message;
  if (stage === 'upload')
    return 'The upload failed: the connection to the app dropped. Remove it and add it again.';
  return 'The browser could not decode it; the file may be damaged.';
}

export function useChatAttachments(limits: ComposerImageLimits) {
  const [items, setItems] = useState<Attachment[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // The list is also kept in a ref: add and whenReady read it after awaits, past the render they began in.
  const list = useRef<Attachment[]>([]);
  const jobs = useRef(new Map<string, Job>());
  const limitsRef = useRef(limits);
  limitsRef.current = limits;

  const update = useCallback((change: (items: Attachment[]) => Attachment[]) => {
    list.current = change(list.current);
    setItems(list.current);
  }, []);
  const patch = useCallback(
    (id: string, changes: Partial<Attachment>) =>
      update((all) => all.map((a) => (a.id === id ? { ...a, ...changes } : a))),
    [update],
  );

  const start = useCallback(
    (id: string) => {
      const job = jobs.current.get(id);
      if (!job) return;
      const run = ++job.run;
      const current = () => jobs.current.get(id)?.run === run;
      const mode = list.current.find((a) => a.id === id)?.sendOriginal ? 'original' : 'fast';
      patch(id, { status: 'preparing', error: null, sha256: null });
      job.done = (async () => {
        let stage: 'prepare' | 'upload' = 'prepare';
        try {
          const prepared = await prepareImage(job.file, job.checked, limitsRef.current, mode);
          if (!current()) return;
          if (job.url) URL.revokeObjectURL(job.url);
          job.blob = prepared.blob;
          job.url = URL.createObjectURL(prepared.blob);
          patch(id, { status: 'uploading', source: prepared.source, sent: { ...prepared, url: job.url } });
          stage = 'upload';
          const uploaded = await uploadImage(prepared.blob);
          if (current()) patch(id, { status: 'ready', sha256: uploaded.key });
        } catch (error) {
          if (current()) patch(id, { status: 'failed', error: describeFailure(error, stage) });
        }
      })();
    },
    [patch],
  );

  const add = useCallback(
    async (files: readonly File[]) => {
      const refusals: string[] = [];
      const accepted: { file: File; checked: Job['checked'] }[] = [];
      for (const file of files) {
        const checked = await checkImageFile(file).catch(() => ({
          ok: false as const,
          reason: 'it could not be read',
        }));
        if (checked.ok) accepted.push({ file, checked });
        else refusals.push(`“${file.name}” was not added: ${checked.reason}.`);
      }
      const names = accepted.map((a) => a.file.name);
      const { admitted, refusal } = admitImages(list.current.length, names, limitsRef.current.maxImages);
      if (refusal) refusals.push(refusal);
      setNotice(refusals.length > 0 ? refusals.join(' ') : null);
      for (const { file, checked } of accepted.slice(0, admitted)) {
        const id = newId();
        jobs.current.set(id, { file, checked, blob: null, url: null, run: 0, done: Promise.resolve() });
        const source = {
          type: checked.type,
          width: checked.width,
          height: checked.height,
          bytes: checked.bytes,
        };
        update((all) => [
          ...all,
          {
            id,
            name: file.name,
            status: 'preparing',
            error: null,
            sendOriginal: false,
            source,
            sent: null,
            sha256: null,
          },
        ]);
        start(id);
      }
    },
    [start, update],
  );

  const remove = useCallback(
    (ids: readonly string[]) => {
      for (const id of ids) {
        const url = jobs.current.get(id)?.url;
        if (url) URL.revokeObjectURL(url);
        jobs.current.delete(id);
      }
      update((all) => all.filter((a) => !ids.includes(a.id)));
    },
    [update],
  );

  const toggleOriginal = useCallback(
    (id: string) => {
      update((all) => all.map((a) => (a.id === id ? { ...a, sendOriginal: !a.sendOriginal } : a)));
      start(id);
    },
    [start, update],
  );

  /** Waits for every image to be prepared and uploaded; says which one stops the send, if any. */
  const whenReady = useCallback(async (): Promise<ReadyResult> => {
    // A toggle while waiting starts a new run: wait until no run is left in flight.
    while (list.current.some((a) => a.status === 'preparing' || a.status === 'uploading')) {
      await Promise.all([...jobs.current.values()].map((job) => job.done));
    }
    const all = list.current;
    const failed = all.find((a) => a.status === 'failed');
    if (failed)
      return { ok: false, error: `“${failed.name}” cannot be sent: ${failed.error} Remove it to send.` };
    const over = overLimit(all.length, limitsRef.current.maxImages);
    if (over) return { ok: false, error: over };
    const images = all.flatMap((a): SendableImage[] => {
      const blob = jobs.current.get(a.id)?.blob;
      if (!blob || !a.sent || !a.sha256) return [];
      const { type, width, height, bytes } = a.sent;
      const ref = {
        key: a.sha256,
        sha256: a.sha256,
        mediaType: MIME[type],
        name: a.name,
        width,
        height,
        bytes,
      };
      return [{ ref, blob }];
    });
    return { ok: true, images, ids: all.map((a) => a.id) };
  }, []);

  // Thumbnails hold object URLs: give them back when the composer goes away.
  useEffect(() => {
    const held = jobs.current;
    return () => {
      for (const job of held.values()) if (job.url) URL.revokeObjectURL(job.url);
    };
  }, []);

  const dismissNotice = useCallback(() => setNotice(null), []);
  /** Prepares and uploads a failed image again (the connection came back, say). */
  const retry = useCallback((id: string) => start(id), [start]);

  return { items, notice, dismissNotice, add, remove, toggleOriginal, retry, whenReady };
}
