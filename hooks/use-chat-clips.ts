'use client';
// The video clips attached to the message being written, beside the images: each is read (size, length,
// poster, token estimate), trimmed/downscaled in the browser where the model gains nothing from more, and
// uploaded at once; Send waits for whatever is still on its way. A model without video refuses them here.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-error';
import { newId } from '@/lib/client/chat-ids';
import type { ComposerImageLimits } from '@/lib/client/image-limits';
import type { SendableImage } from '@/lib/client/image-upload';
import { type ClipFactsForComposer, prepareClip, readClip } from '@/lib/client/video-attachment';
import { uploadVideo } from '@/lib/client/video-upload';
import { probeVideo } from '@/lib/media/video-probe.mjs';

export interface ClipAttachment {
  id: string;
  name: string;
  status: 'preparing' | 'uploading' | 'ready' | 'failed';
  error: string | null;
  sendOriginal: boolean;
  facts: ClipFactsForComposer;
  /** What will be sent, once prepared. */
  sent: { bytes: number; type: string; width: number; height: number } | null;
  sha256: string | null;
}

interface Job {
  file: File;
  blob: Blob | null;
  run: number;
  done: Promise<void>;
}

export type ClipsReady = { ok: true; clips: SendableImage[]; ids: string[] } | { ok: false; error: string };

const DEFAULT_MAX_BYTES = 30_000_000;

export function useChatClips(limits: ComposerImageLimits) {
  const [items, setItems] = useState<ClipAttachment[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useRef<ClipAttachment[]>([]);
  const jobs = useRef(new Map<string, Job>());
  const limitsRef = useRef(limits);
  limitsRef.current = limits;
  // A clip dropped before the profiles have arrived waits for them rather than being refused for a model
  // that "takes no video" (what an unknown model would look like).
  const waiting = useRef<(() => void)[]>([]);
  useEffect(() => {
    if (!limits.pending) for (const resume of waiting.current.splice(0)) resume();
  }, [limits.pending]);
  const limitsKnown = useCallback(
    () =>
      limitsRef.current.pending
        ? new Promise<void>((resume) => waiting.current.push(resume))
        : Promise.resolve(),
    [],
  );

  const update = useCallback((change: (all: ClipAttachment[]) => ClipAttachment[]) => {
    list.current = change(list.current);
    setItems(list.current);
  }, []);
  const patch = useCallback(
    (id: string, changes: Partial<ClipAttachment>) =>
      update((all) => all.map((a) => (a.id === id ? { ...a, ...changes } : a))),
    [update],
  );

  const start = useCallback(
    (id: string) => {
      const job = jobs.current.get(id);
      const item = list.current.find((a) => a.id === id);
      if (!job || !item) return;
      const run = ++job.run;
      const current = () => jobs.current.get(id)?.run === run;
      patch(id, { status: 'preparing', error: null, sha256: null });
      job.done = (async () => {
        try {
          const blob = await prepareClip(job.file, item.facts.plan, item.sendOriginal);
          if (!current()) return;
          job.blob = blob;
          const head = probeVideo(new Uint8Array(await blob.slice(0, 4_000_000).arrayBuffer()));
          const { width, height } = blob === job.file ? item.facts.info : item.facts.plan;
          const sent = {
            bytes: blob.size,
            type: head?.container ?? item.facts.info.container,
            width,
            height,
          };
          patch(id, { status: 'uploading', sent });
          const uploaded = await uploadVideo(blob);
          if (current()) patch(id, { status: 'ready', sha256: uploaded.key });
        } catch (error) {
          const message =
            error instanceof ApiError ? error.message : String((error as Error)?.message ?? error);
          if (current()) patch(id, { status: 'failed', error: message });
        }
      })();
    },
    [patch],
  );

  const add = useCallback(
    async (files: readonly File[]) => {
      const refusals: string[] = [];
      await limitsKnown();
      const { video, maxVideoBytes } = limitsRef.current;
      for (const file of files) {
        const read = await readClip(file, video, maxVideoBytes ?? DEFAULT_MAX_BYTES).catch(() => ({
          ok: false as const,
          reason: 'it could not be read',
        }));
        if (!read.ok) {
          refusals.push(`“${file.name}” was not added: ${read.reason}.`);
          continue;
        }
        if (list.current.length >= (video?.maxPerPrompt ?? 0)) {
          refusals.push(`“${file.name}” was not added: the running model takes one clip per message.`);
          continue;
        }
        const id = newId();
        jobs.current.set(id, { file, blob: null, run: 0, done: Promise.resolve() });
        const item: ClipAttachment = {
          id,
          name: file.name,
          status: 'preparing',
          error: null,
          sendOriginal: false,
          facts: read.facts,
          sent: null,
          sha256: null,
        };
        update((all) => [...all, item]);
        start(id);
      }
      setNotice(refusals.length > 0 ? refusals.join(' ') : null);
    },
    [start, update, limitsKnown],
  );

  const remove = useCallback(
    (ids: readonly string[]) => {
      for (const id of ids) {
        const url = list.current.find((a) => a.id === id)?.facts.posterUrl;
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

  const whenReady = useCallback(async (): Promise<ClipsReady> => {
    while (list.current.some((a) => a.status === 'preparing' || a.status === 'uploading')) {
      await Promise.all([...jobs.current.values()].map((job) => job.done));
    }
    const failed = list.current.find((a) => a.status === 'failed');
    if (failed)
      return { ok: false, error: `“${failed.name}” cannot be sent: ${failed.error} Remove it to send.` };
    const clips = list.current.flatMap((a): SendableImage[] => {
      const blob = jobs.current.get(a.id)?.blob;
      if (!blob || !a.sent || !a.sha256) return [];
      const mediaType = blob.type || `video/${a.sent.type === 'mov' ? 'quicktime' : a.sent.type}`;
      const { width, height, bytes } = a.sent;
      const durationS = a.facts.plan.trimToS ?? a.facts.info.durationS ?? undefined;
      const ref = {
        key: a.sha256,
        sha256: a.sha256,
        mediaType,
        name: a.name,
        width,
        height,
        bytes,
        durationS,
      };
      return [{ ref, blob }];
    });
    return { ok: true, clips, ids: list.current.map((a) => a.id) };
  }, []);

  useEffect(() => {
    const held = list;
    return () => {
      for (const a of held.current) if (a.facts.posterUrl) URL.revokeObjectURL(a.facts.posterUrl);
    };
  }, []);

  const dismissNotice = useCallback(() => setNotice(null), []);
  const retry = useCallback((id: string) => start(id), [start]);
  return { items, notice, dismissNotice, add, remove, toggleOriginal, retry, whenReady };
}
