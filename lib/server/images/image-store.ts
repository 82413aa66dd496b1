import 'server-only';
// Prepared images, uploaded once and kept in the data dir by the SHA-256 of their bytes, so later turns of a
// conversation refer to them by key instead of sending megabytes over the tunnel again. Bounded in total
// size: the least recently used are evicted first (each use touches the file).
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type ImageType, MIME, sniffImage } from '@/lib/images/sniff';
import { probeVideo, VIDEO_MIME, type VideoInfo } from '@/lib/media/video-probe.mjs';
import { AppError } from '../errors';

export const IMAGE_KEY = /^[0-9a-f]{64}$/;

export interface StoredImage {
  key: string;
  type: ImageType;
  width: number;
  height: number;
  bytes: number;
}

export interface StoredVideo extends VideoInfo {
  key: string;
  bytes: number;
}

export class ImageStore {
  private evicting: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly maxImageBytes: number,
    private readonly maxTotalBytes: number,
  ) {}

  async put(data: Uint8Array, label = 'The image'): Promise<StoredImage> {
    const image = checkImage(data, label, this.maxImageBytes);
    const key = await this.write(data);
    return { key, ...image, bytes: data.byteLength };
  }

  /** A clip, kept beside the images under the same key scheme and the same total bound. */
  async putVideo(data: Uint8Array, maxBytes: number, label = 'The clip'): Promise<StoredVideo> {
    const video = checkVideo(data, label, maxBytes);
    const key = await this.write(data);
    return { key, ...video, bytes: data.byteLength };
  }

  async getVideo(key: string): Promise<{ data: Buffer; info: VideoInfo } | null> {
    const data = await this.read(key);
    const info = data ? probeVideo(data) : null;
    return data && info ? { data, info } : null;
  }

  private async write(data: Uint8Array): Promise<string> {
    const key = createHash('sha256').update(data).digest('hex');
    await fs.mkdir(this.dir, { recursive: true });
    const file = this.file(key);
    try {
      await fs.writeFile(file, data, { flag: 'wx', mode: 0o600 });
    } catch {
      await this.touch(file);
    }
    this.evicting ??= this.evict().finally(() => {
      this.evicting = null;
    });
    return key;
  }

  private async read(key: string): Promise<Buffer | null> {
    if (!IMAGE_KEY.test(key)) return null;
    try {
      const data = await fs.readFile(this.file(key));
      await this.touch(this.file(key));
      return data;
    } catch {
      return null;
    }
  }

  /** The image's bytes and type, or null when it is not (or no longer) here. */
  async get(key: string): Promise<{ data: Buffer; type: ImageType } | null> {
    if (!IMAGE_KEY.test(key)) return null;
    try {
      const data = await fs.readFile(this.file(key));
      await this.touch(this.file(key));
      const sniffed = sniffImage(data);
      return sniffed.ok ? { data, type: sniffed.type } : null;
    } catch {
      return null;
    }
  }

  private file(key: string): string {
    return path.join(/*turbopackIgnore: true*/ this.dir, key);
  }

  private async touch(file: string): Promise<void> {
    const now = new Date();
    await fs.utimes(file, now, now).catch(() => undefined);
  }

  private async evict(): Promise<void> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const files = await Promise.all(
      names
        .filter((n) => IMAGE_KEY.test(n))
        .map(async (n) => ({ file: this.file(n), stat: await fs.stat(this.file(n)).catch(() => null) })),
    );
    const present = files
      .filter((f) => f.stat !== null)
      .sort((a, b) => (a.stat?.mtimeMs ?? 0) - (b.stat?.mtimeMs ?? 0));
    let total = present.reduce((sum, f) => sum + (f.stat?.size ?? 0), 0);
    for (const f of present) {
      if (total <= this.maxTotalBytes) break;
      await fs.rm(f.file, { force: true });
      total -= f.stat?.size ?? 0;
    }
  }
}

/** The image's real type and size, or a 4xx that names it and says what to do. */
export function checkImage(
  data: Uint8Array,
  label: string,
  maxBytes: number,
): { type: ImageType; width: number; height: number } {
  if (data.byteLength > maxBytes) {
    const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
    throw new AppError(
      'payload_too_large',
      `${label} is ${mb(data.byteLength)}; the limit is ${mb(maxBytes)}.`,
      'Send it downscaled (the composer does this by default) or raise VLM_CONSOLE_IMAGE_MAX_BYTES.',
    );
  }
  const sniffed = sniffImage(data);
  if (!sniffed.ok)
    throw new AppError('unsupported_media_type', `${label} cannot be sent: ${sniffed.reason}.`);
  return { type: sniffed.type, width: sniffed.width, height: sniffed.height };
}

export function dataUrl(data: Uint8Array, type: ImageType): string {
  return `data:${MIME[type]};base64,${Buffer.from(data).toString('base64')}`;
}

/** The clip's container and size, or a 4xx: over the cap (413), or not a clip of a container we read (415). */
export function checkVideo(data: Uint8Array, label: string, maxBytes: number): VideoInfo {
  if (data.byteLength > maxBytes) {
    const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
    throw new AppError(
      'payload_too_large',
      `${label} is ${mb(data.byteLength)}; the limit is ${mb(maxBytes)}.`,
      'Trim or downscale it (the composer offers this), or raise VLM_CONSOLE_VIDEO_MAX_BYTES.',
    );
  }
  const info = probeVideo(data);
  if (!info) {
    throw new AppError(
      'unsupported_media_type',
      `${label} cannot be sent: it is not an MP4, MOV or WebM clip.`,
    );
  }
  return info;
}

export function videoDataUrl(data: Uint8Array, info: VideoInfo): string {
  return `data:${VIDEO_MIME[info.container]};base64,${Buffer.from(data).toString('base64')}`;
}
