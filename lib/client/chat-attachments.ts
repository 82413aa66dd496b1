// The images attached to the message being written, without React. Each is checked by its content when it
// is added, then prepared (resized, re-encoded) and uploaded at once, so by the time the person presses Send
// it has usually crossed the tunnel already; Send waits for whatever is still on its way. Shaped like
// LiveReplies: a snapshot, subscribe, and methods; hooks/use-chat-attachments.ts adapts it.
import { ApiError } from '@/lib/api-error';
import { MIME } from '@/lib/images/sniff';
import { newId } from './chat-ids';
import { admitImages, type ComposerImageLimits, overLimit } from './image-limits';
import { type CheckedFile, checkImageFile, type ImageFacts, prepareImage } from './image-pipeline';
import { type SendableImage, type UploadedImage, uploadImage } from './image-upload';

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

export interface AttachmentsState {
  items: Attachment[];
  /** Why files were not added (not an image, too many). */
  notice: string | null;
}

/** `ids`: the attachments sent, to be cleared once the server accepts the message. */
export type ReadyResult = { ok: true; images: SendableImage[]; ids: string[] } | { ok: false; error: string };

type Checked = Extract<CheckedFile, { ok: true }>;

/** What the queue talks to; the browser's by default, fakes in tests. */
export interface AttachmentDeps {
  check(file: File): Promise<CheckedFile>;
  prepare: typeof prepareImage;
  upload(blob: Blob): Promise<UploadedImage>;
  objectUrl: { create(blob: Blob): string; revoke(url: string): void };
  newId(): string;
}

const BROWSER: AttachmentDeps = {
  check: checkImageFile,
  prepare: prepareImage,
  upload: (blob) => uploadImage(blob),
  objectUrl: { create: (blob) => URL.createObjectURL(blob), revoke: (url) => URL.revokeObjectURL(url) },
  newId,
};

interface Job {
  file: File;
  checked: Checked;
  blob: Blob | null;
  url: string | null;
  /** Bumped by every (re)start, so a superseded run drops its result. */
  run: number;
  done: Promise<void>;
}

function describeFailure(error: unknown, stage: 'prepare' | 'upload'): string {
  if (error instanceof ApiError) return error.message;
  if (stage === 'upload')
    return 'The upload failed: the connection to the app dropped. Remove it and add it again.';
  return 'The browser could not decode it; the file may be damaged.';
}

const isBusy = (a: Attachment) => a.status === 'preparing' || a.status === 'uploading';

export class AttachmentQueue {
  private state: AttachmentsState = { items: [], notice: null };
  private readonly listeners = new Set<() => void>();
  private readonly jobs = new Map<string, Job>();

  constructor(
    private limits: ComposerImageLimits,
    private readonly deps: AttachmentDeps = BROWSER,
  ) {}

  readonly getSnapshot = (): AttachmentsState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The running model's limits; images already being prepared keep the ones they started with. */
  setLimits(limits: ComposerImageLimits): void {
    this.limits = limits;
  }

  async add(files: readonly File[]): Promise<void> {
    const refusals: string[] = [];
    const accepted: { file: File; checked: Checked }[] = [];
    for (const file of files) {
      const checked = await this.deps.check(file).catch(() => ({
        ok: false as const,
        reason: 'it could not be read',
      }));
      if (checked.ok) accepted.push({ file, checked });
      else refusals.push(`“${file.name}” was not added: ${checked.reason}.`);
    }
    const names = accepted.map((a) => a.file.name);
    const { admitted, refusal } = admitImages(this.state.items.length, names, this.limits.maxImages);
    if (refusal) refusals.push(refusal);
    this.setState({ notice: refusals.length > 0 ? refusals.join(' ') : null });
    for (const { file, checked } of accepted.slice(0, admitted)) {
      const id = this.deps.newId();
      this.jobs.set(id, { file, checked, blob: null, url: null, run: 0, done: Promise.resolve() });
      const { type, width, height, bytes } = checked;
      const item: Attachment = {
        id,
        name: file.name,
        status: 'preparing',
        error: null,
        sendOriginal: false,
        source: { type, width, height, bytes },
        sent: null,
        sha256: null,
      };
      this.setState({ items: [...this.state.items, item] });
      this.start(id);
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const url = this.jobs.get(id)?.url;
      if (url) this.deps.objectUrl.revoke(url);
      this.jobs.delete(id);
    }
    this.setState({ items: this.state.items.filter((a) => !ids.includes(a.id)) });
  }

  toggleOriginal(id: string): void {
    this.setState({
      items: this.state.items.map((a) => (a.id === id ? { ...a, sendOriginal: !a.sendOriginal } : a)),
    });
    this.start(id);
  }

  /** Prepares and uploads a failed image again (the connection came back, say). */
  retry(id: string): void {
    this.start(id);
  }

  dismissNotice(): void {
    this.setState({ notice: null });
  }

  /** Waits for every image to be prepared and uploaded; says which one stops the send, if any. */
  async whenReady(): Promise<ReadyResult> {
    // A toggle while waiting starts a new run: wait until no run is left in flight.
    while (this.state.items.some(isBusy)) {
      await Promise.all([...this.jobs.values()].map((job) => job.done));
    }
    const all = this.state.items;
    const failed = all.find((a) => a.status === 'failed');
    if (failed)
      return { ok: false, error: `“${failed.name}” cannot be sent: ${failed.error} Remove it to send.` };
    const over = overLimit(all.length, this.limits.maxImages);
    if (over) return { ok: false, error: over };
    const images = all.flatMap((a): SendableImage[] => {
      const blob = this.jobs.get(a.id)?.blob;
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
  }

  /** Thumbnails hold object URLs: gives them back when the composer goes away. */
  releaseUrls(): void {
    for (const job of this.jobs.values()) if (job.url) this.deps.objectUrl.revoke(job.url);
  }

  private start(id: string): void {
    const job = this.jobs.get(id);
    if (!job) return;
    const run = ++job.run;
    const current = () => this.jobs.get(id)?.run === run;
    const mode = this.state.items.find((a) => a.id === id)?.sendOriginal ? 'original' : 'fast';
    this.patch(id, { status: 'preparing', error: null, sha256: null });
    const { prepare, upload, objectUrl } = this.deps;
    job.done = (async () => {
      let stage: 'prepare' | 'upload' = 'prepare';
      try {
        const prepared = await prepare(job.file, job.checked, this.limits, mode);
        if (!current()) return;
        if (job.url) objectUrl.revoke(job.url);
        job.blob = prepared.blob;
        job.url = objectUrl.create(prepared.blob);
        this.patch(id, { status: 'uploading', source: prepared.source, sent: { ...prepared, url: job.url } });
        stage = 'upload';
        const uploaded = await upload(prepared.blob);
        if (current()) this.patch(id, { status: 'ready', sha256: uploaded.key });
      } catch (error) {
        if (current()) this.patch(id, { status: 'failed', error: describeFailure(error, stage) });
      }
    })();
  }

  private patch(id: string, changes: Partial<Attachment>): void {
    this.setState({ items: this.state.items.map((a) => (a.id === id ? { ...a, ...changes } : a)) });
  }

  private setState(changes: Partial<AttachmentsState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }
}
