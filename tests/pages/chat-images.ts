// Page object for images in the chat: real image files made in the page (a canvas → PNG or JPEG, or bytes
// from the test), dropped with a synthetic drag-and-drop, pasted with a synthetic clipboard event, or picked
// with the hidden file input; and the attachments, sent images and lightbox that follow.
import type { Locator, Page } from 'playwright-core';

/** An image drawn in the page, or raw bytes (base64) for files that are not images at all. */
export type FileSpec =
  | {
      name: string;
      kind: 'canvas';
      type: 'image/png' | 'image/jpeg';
      width: number;
      height: number;
      quality?: number;
      /** Grain amplitude (0–255): makes a JPEG as heavy as a real photo. */
      noise?: number;
      /** An EXIF orientation to write into a JPEG (6 = shot with the phone turned). */
      orientation?: number;
      /** Make it once per page (by name) and hand out the same file after that. */
      reuse?: boolean;
    }
  | { name: string; kind: 'bytes'; base64: string; mime: string };

export type FileAction = 'drop' | 'paste' | 'dragenter';

/** Runs in the page: makes the files, then drops or pastes them. Returns when the events were dispatched. */
async function inPage({ specs, action }: { specs: FileSpec[]; action: FileAction }) {
  const exifApp1 = (orientation: number) => {
    // Big-endian TIFF with one IFD0 entry: Orientation (0x0112), SHORT, 1 value.
    const tiff = [
      0x4d,
      0x4d,
      0,
      42,
      0,
      0,
      0,
      8,
      0,
      1,
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      orientation,
      0,
      0,
      0,
      0,
      0,
      0,
    ];
    const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
    return new Uint8Array([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
  };
  const scope = window as unknown as { __testFiles?: Map<string, File> };
  scope.__testFiles ??= new Map();
  const cache = scope.__testFiles;
  const make = async (spec: FileSpec): Promise<File> => {
    if (spec.kind === 'canvas' && spec.reuse) {
      const made = cache.get(spec.name) ?? (await make({ ...spec, reuse: false }));
      cache.set(spec.name, made);
      return made;
    }
    if (spec.kind === 'bytes') {
      const bytes = Uint8Array.from(atob(spec.base64), (c) => c.charCodeAt(0));
      return new File([bytes], spec.name, { type: spec.mime });
    }
    const { width, height } = spec;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    const gradient = ctx.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, '#2563eb');
    gradient.addColorStop(0.5, '#f8fafc');
    gradient.addColorStop(1, '#f59e0b');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#0f172a';
    ctx.font = `${Math.max(12, Math.round(height / 8))}px sans-serif`;
    ctx.fillText(spec.name, width / 20, height / 2);
    if (spec.noise) {
      const image = ctx.getImageData(0, 0, width, height);
      const d = image.data;
      for (let i = 0; i < d.length; i += 4) {
        const n = (Math.random() - 0.5) * (spec.noise ?? 0);
        d[i] = (d[i] ?? 0) + n;
        d[i + 1] = (d[i + 1] ?? 0) + n * 0.8;
        d[i + 2] = (d[i + 2] ?? 0) - n;
      }
      ctx.putImageData(image, 0, 0);
    }
    const blob = await canvas.convertToBlob({ type: spec.type, quality: spec.quality });
    if (!spec.orientation) return new File([blob], spec.name, { type: spec.type });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const parts = [bytes.subarray(0, 2), exifApp1(spec.orientation), bytes.subarray(2)];
    return new File(parts, spec.name, { type: spec.type });
  };
  const files = await Promise.all(specs.map(make));
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  let at = performance.now();
  if (action === 'paste') {
    const input = document.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]');
    input?.focus();
    input?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
    return at;
  }
  const zone = document.querySelector('[data-testid="chat-dropzone"]');
  const fire = (type: string) =>
    zone?.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  fire('dragenter');
  fire('dragover');
  if (action === 'dragenter') return at;
  // As in a real drag, the drop comes once the page has reacted to the drag (the overlay is up); dropping
  // in the same tick as dragenter would race the dropzone's own asynchronous drag handling.
  await new Promise<void>((resolve) => {
    const check = () =>
      document.querySelector('[data-testid="drop-overlay"]') ? resolve() : requestAnimationFrame(check);
    check();
  });
  at = performance.now();
  fire('drop');
  return at;
}

export class ChatImages {
  constructor(readonly page: Page) {}

  /** Drops the files on the chat; resolves to the page clock (performance.now) at the drop event. */
  drop(specs: FileSpec[]): Promise<number> {
    return this.page.evaluate(inPage, { specs, action: 'drop' as const });
  }

  paste(specs: FileSpec[]): Promise<number> {
    return this.page.evaluate(inPage, { specs, action: 'paste' as const });
  }

  /** Drags the files over the chat without dropping them (the overlay shows). */
  dragOver(specs: FileSpec[]): Promise<number> {
    return this.page.evaluate(inPage, { specs, action: 'dragenter' as const });
  }

  /** Drags them away again: the overlay goes. */
  async dragAway(): Promise<void> {
    await this.page.evaluate(() => {
      const zone = document.querySelector('[data-testid="chat-dropzone"]');
      zone?.dispatchEvent(new DragEvent('dragleave', { dataTransfer: new DataTransfer(), bubbles: true }));
    });
    await this.page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
  }

  attachments(): Locator {
    return this.page.getByTestId('attachment');
  }

  /** Waits until exactly `count` attachments are there and all are uploaded. */
  async waitForReady(count: number, timeout = 15_000): Promise<void> {
    await this.page.waitForFunction(
      (n) => {
        const all = [...document.querySelectorAll('[data-testid="attachment"]')];
        return all.length === n && all.every((a) => a.getAttribute('data-status') === 'ready');
      },
      count,
      { timeout },
    );
  }

  /** What an attachment will send, from its data attributes. */
  async sent(attachment: Locator): Promise<{ type: string; width: number; height: number; bytes: number }> {
    const read = async (name: string) => (await attachment.getAttribute(`data-sent-${name}`)) ?? '';
    return {
      type: await read('type'),
      width: Number(await read('width')),
      height: Number(await read('height')),
      bytes: Number(await read('bytes')),
    };
  }

  messageImages(): Locator {
    return this.page.getByTestId('message-image');
  }

  lightbox(): Locator {
    return this.page.getByTestId('lightbox');
  }
}

/** The line the demo engine writes for an image, e.g. `Image 1: jpeg, 1500×1125, 183,204 bytes`. */
export function demoImageLine(
  index: number,
  image: { type: string; width: number; height: number; bytes: number },
) {
  return `Image ${index}: ${image.type}, ${image.width}×${image.height}, ${image.bytes.toLocaleString('en-US')} bytes`;
}
