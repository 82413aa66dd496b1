import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { type AttachmentDeps, AttachmentQueue } from './chat-attachments';
import type { CheckedFile, PreparedImage } from './image-pipeline';
import type { UploadedImage } from './image-upload';

const LIMITS = { maxImages: 2, maxPixels: 1_000_000, tokenPatch: 28 };

/** A promise the test settles by hand, to hold an image in one stage. */
function gate<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function harness() {
  let n = 0;
  const uploads: ReturnType<typeof gate<UploadedImage>>[] = [];
  const prepares: { mode: string }[] = [];
  const revoked: string[] = [];
  const deps: AttachmentDeps = {
    check: async (file): Promise<CheckedFile> =>
      file.type === 'image/png'
        ? { ok: true, type: 'png', width: 640, height: 480, bytes: file.size, orientation: 1 }
        : { ok: false, reason: 'it is a PDF, not an image' },
    prepare: async (file, _checked, _limits, mode) => {
      prepares.push({ mode });
      const blob = new Blob([mode], { type: 'image/jpeg' });
      const source = { type: 'png' as const, width: 640, height: 480, bytes: file.size };
      return {
        blob,
        type: 'jpeg',
        width: 320,
        height: 240,
        bytes: blob.size,
        source,
      } satisfies PreparedImage;
    },
    upload: () => {
      const upload = gate<UploadedImage>();
      uploads.push(upload);
      return upload.promise;
    },
    objectUrl: { create: () => `blob:${++n}`, revoke: (url) => void revoked.push(url) },
    newId: () => `a${++n}`,
  };
  return { queue: new AttachmentQueue(LIMITS, deps), uploads, prepares, revoked };
}

const uploaded = (key: string): UploadedImage => ({ key, type: 'jpeg', width: 320, height: 240, bytes: 4 });
const png = (name: string) => new File(['png'], name, { type: 'image/png' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AttachmentQueue', () => {
  it('uploads each image as it is added and hands Send what is ready, once all is', async () => {
    const { queue, uploads } = harness();
    await queue.add([png('cat.png')]);
    await settle();
    expect(queue.getSnapshot().items).toMatchObject([{ name: 'cat.png', status: 'uploading' }]);
    const ready = queue.whenReady();
    uploads[0]?.resolve(uploaded('f'.repeat(64)));
    const result = await ready;
    expect(result).toMatchObject({
      ok: true,
      images: [
        { ref: { key: 'f'.repeat(64), sha256: 'f'.repeat(64), mediaType: 'image/jpeg', name: 'cat.png' } },
      ],
    });
    expect(queue.getSnapshot().items[0]?.status).toBe('ready');
  });

  it('says which files were not added and why, and keeps to the model’s limit', async () => {
    const { queue } = harness();
    await queue.add([
      new File(['%PDF'], 'doc.pdf', { type: 'application/pdf' }),
      png('1.png'),
      png('2.png'),
      png('3.png'),
    ]);
    expect(queue.getSnapshot().items.map((a) => a.name)).toEqual(['1.png', '2.png']);
    expect(queue.getSnapshot().notice).toBe(
      '“doc.pdf” was not added: it is a PDF, not an image. The running model takes at most 2 images per message. Not added: “3.png”.',
    );
    queue.dismissNotice();
    expect(queue.getSnapshot().notice).toBeNull();
  });

  it('stops the send on a failed upload until it is retried or removed', async () => {
    const { queue, uploads } = harness();
    await queue.add([png('cat.png')]);
    await settle();
    uploads[0]?.reject(new TypeError('Failed to fetch'));
    expect(await queue.whenReady()).toEqual({
      ok: false,
      error:
        '“cat.png” cannot be sent: The upload failed: the connection to the app dropped. Remove it and add it again. Remove it to send.',
    });
    const id = queue.getSnapshot().items[0]?.id ?? '';
    queue.retry(id);
    await settle();
    uploads[1]?.reject(new ApiError(413, 'payload_too_large', 'The image is 30 MB; the limit is 20 MB.'));
    await settle();
    expect(queue.getSnapshot().items[0]).toMatchObject({
      status: 'failed',
      error: 'The image is 30 MB; the limit is 20 MB.',
    });
    queue.remove([id]);
    expect(await queue.whenReady()).toEqual({ ok: true, images: [], ids: [] });
  });

  it('re-prepares an image switched to its original, dropping the superseded run', async () => {
    const { queue, uploads, prepares, revoked } = harness();
    await queue.add([png('cat.png')]);
    await settle();
    const id = queue.getSnapshot().items[0]?.id ?? '';
    queue.toggleOriginal(id);
    await settle();
    expect(prepares.map((p) => p.mode)).toEqual(['fast', 'original']);
    expect(revoked).toHaveLength(1);
    const ready = queue.whenReady();
    uploads[1]?.resolve(uploaded('b'.repeat(64)));
    const result = await ready;
    expect(result.ok && result.images[0]?.ref.sha256).toBe('b'.repeat(64));
    // The first run's upload answers late: it must not overwrite what the original's upload gave.
    uploads[0]?.resolve(uploaded('a'.repeat(64)));
    await settle();
    expect(queue.getSnapshot().items[0]).toMatchObject({
      sendOriginal: true,
      status: 'ready',
      sha256: 'b'.repeat(64),
    });
  });
});
