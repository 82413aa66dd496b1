import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import type { SseReader } from './chat-stream';
import { missingImages, openChatReuploading, type ReuploadDeps } from './image-upload';

const body = { messages: [{ role: 'user' as const, content: 'hi' }], params: {} };
const reader = {} as SseReader;
const gone = (missing: unknown) => new ApiError(409, 'images_missing', 'gone', undefined, { missing });
const uploaded = { key: 'k', type: 'png' as const, width: 1, height: 1, bytes: 1 };

function deps(outcomes: (SseReader | Error)[]): ReuploadDeps & { uploads: Blob[] } {
  const uploads: Blob[] = [];
  return {
    uploads,
    open: vi.fn(async () => {
      const next = outcomes.shift();
      if (next instanceof Error) throw next;
      return next ?? reader;
    }),
    upload: vi.fn(async (blob: Blob) => {
      uploads.push(blob);
      return uploaded;
    }),
  };
}

describe('openChatReuploading', () => {
  it('re-uploads the images the server lost and retries once, unseen', async () => {
    const a = new Blob(['a']);
    const b = new Blob(['b']);
    const d = deps([gone(['ka', 'kb']), reader]);
    const stored: Record<string, Blob> = { ka: a, kb: b };
    const result = await openChatReuploading(body, new AbortController().signal, async (k) => stored[k], d);
    expect(result).toBe(reader);
    expect(d.uploads).toEqual([a, b]);
    expect(d.open).toHaveBeenCalledTimes(2);
  });

  it('does not loop when the retry is refused again', async () => {
    const d = deps([gone(['ka']), gone(['ka'])]);
    await expect(
      openChatReuploading(body, new AbortController().signal, async () => new Blob(['a']), d),
    ).rejects.toMatchObject({ code: 'images_missing' });
    expect(d.open).toHaveBeenCalledTimes(2);
  });

  it('says so when the browser no longer has the image either', async () => {
    const d = deps([gone(['ka'])]);
    await expect(
      openChatReuploading(body, new AbortController().signal, async () => undefined, d),
    ).rejects.toThrow(/no longer stored/);
    expect(d.upload).not.toHaveBeenCalled();
  });

  it('passes other errors through untouched', async () => {
    const refused = new ApiError(409, 'engine_not_ready', 'no engine');
    const d = deps([refused]);
    await expect(
      openChatReuploading(body, new AbortController().signal, async () => undefined, d),
    ).rejects.toBe(refused);
    expect(missingImages(gone('not a list'))).toBeNull();
    expect(missingImages(new Error('x'))).toBeNull();
  });
});
