// From a dropped, pasted or picked file to the bytes that are sent: check what it really is (by its
// content, not its name), then render it in the image worker, or on the main thread where a browser has no
// OffscreenCanvas (or the worker fails to start).
import type { ImageLimits } from '@/lib/engine/profiles';
import { jpegOrientation } from '@/lib/images/orientation';
import { type ImageType, sniffImage } from '@/lib/images/sniff';
import { encodeChoices, mayKeepOriginal, type PrepareMode, resizeLimitsFor } from './image-prepare';
import { type RenderRequest, type RenderResult, renderImage } from './image-render';
import type { WorkerRequest, WorkerResponse } from './image-worker';

/** Enough for the header and an EXIF block before a JPEG's frame header (EXIF thumbnails run to 64 KB). */
const HEAD_BYTES = 256 * 1024;

export interface ImageFacts {
  type: ImageType;
  width: number;
  height: number;
  bytes: number;
}

export type CheckedFile = (ImageFacts & { ok: true; orientation: number }) | { ok: false; reason: string };

export interface PreparedImage extends ImageFacts {
  blob: Blob;
  /** The file as it came (its decoded size has the EXIF orientation applied). */
  source: ImageFacts;
}

export async function checkImageFile(file: Blob): Promise<CheckedFile> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const sniffed = sniffImage(head);
  if (!sniffed.ok) return sniffed;
  return { ...sniffed, bytes: file.size, orientation: sniffed.type === 'jpeg' ? jpegOrientation(head) : 1 };
}

const OUTPUT: Record<string, ImageType> = { 'image/jpeg': 'jpeg', 'image/png': 'png' };

export async function prepareImage(
  file: Blob,
  checked: ImageFacts & { orientation: number },
  images: Pick<ImageLimits, 'maxPixels' | 'tokenPatch'> | null,
  mode: PrepareMode,
): Promise<PreparedImage> {
  const result = await render({
    blob: file,
    limits: resizeLimitsFor(images, mode),
    choices: encodeChoices(checked.type, mode),
    mayKeepOriginal: mayKeepOriginal(checked.type, checked.orientation),
  });
  const kept = result.blob === file;
  return {
    blob: result.blob,
    type: kept ? checked.type : (OUTPUT[result.blob.type] ?? checked.type),
    width: result.width,
    height: result.height,
    bytes: result.blob.size,
    source: { type: checked.type, width: result.sourceWidth, height: result.sourceHeight, bytes: file.size },
  };
}

// One worker for the page, started on first use. `null`: unavailable, render on the main thread.
let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<
  number,
  { request: RenderRequest; resolve(r: RenderResult): void; reject(e: Error): void }
>();

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return null;
  try {
    const w = new Worker(new URL('./image-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }: MessageEvent<WorkerResponse>) => {
      const job = pending.get(data.id);
      pending.delete(data.id);
      if (!job) return;
      if (data.ok) job.resolve(data.result);
      else job.reject(new Error(data.error));
    };
    // The worker could not start (or died): finish what it held on the main thread, and stay there.
    w.onerror = (event) => {
      event.preventDefault();
      worker = null;
      w.terminate();
      for (const [id, job] of pending) {
        pending.delete(id);
        renderImage(job.request).then(job.resolve, job.reject);
      }
    };
    return w;
  } catch {
    return null;
  }
}

function render(request: RenderRequest): Promise<RenderResult> {
  if (worker === undefined) worker = startWorker();
  const w = worker;
  if (!w) return renderImage(request);
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { request, resolve, reject });
    const message: WorkerRequest = { id, ...request };
    w.postMessage(message);
  });
}
