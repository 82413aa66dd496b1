// Decodes, orients, downsizes and re-encodes one image with a canvas. Runs in the image worker (on an
// OffscreenCanvas) and, where a browser has no OffscreenCanvas, on the main thread with a <canvas>.
import { planResize, type ResizeLimits } from '@/lib/images/resize-plan';
import { type EncodeChoice, pickSmallest } from './image-prepare';

export interface RenderRequest {
  blob: Blob;
  limits: ResizeLimits;
  choices: EncodeChoice[];
  /** The file may be sent untouched when no resize is needed (see mayKeepOriginal). */
  mayKeepOriginal: boolean;
}

export interface RenderResult {
  blob: Blob;
  width: number;
  height: number;
  /** The decoded size, EXIF orientation applied. */
  sourceWidth: number;
  sourceHeight: number;
}

type Context2d = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

interface Surface {
  ctx: Context2d;
  encode(choice: EncodeChoice): Promise<Blob>;
}

function surface(width: number, height: number): Surface {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    return { ctx, encode: (c) => canvas.convertToBlob({ type: c.type, quality: c.quality }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const encode = (c: EncodeChoice) =>
    new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encoding failed'))), c.type, c.quality),
    );
  return { ctx, encode };
}

export async function renderImage(request: RenderRequest): Promise<RenderResult> {
  // 'from-image' applies the EXIF orientation, so a phone photo arrives upright.
  const bitmap = await createImageBitmap(request.blob, { imageOrientation: 'from-image' });
  try {
    const plan = planResize(bitmap.width, bitmap.height, request.limits);
    const candidates: Blob[] = [];
    if (request.mayKeepOriginal && !plan.resized) candidates.push(request.blob);
    const { ctx, encode } = surface(plan.width, plan.height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, plan.width, plan.height);
    let flattened = false;
    for (const choice of request.choices) {
      if (choice.type === 'image/jpeg' && !flattened) {
        // JPEG has no alpha: put white behind transparent pixels (they would turn black).
        ctx.globalCompositeOperation = 'destination-over';
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, plan.width, plan.height);
        ctx.globalCompositeOperation = 'source-over';
        flattened = true;
      }
      const encoded = await encode(choice);
      // A browser that cannot encode a type silently returns PNG; only keep what was asked for.
      if (encoded.type === choice.type) candidates.push(encoded);
    }
    const blob = pickSmallest(candidates);
    if (!blob) throw new Error('the browser could not encode the image');
    return {
      blob,
      width: plan.width,
      height: plan.height,
      sourceWidth: bitmap.width,
      sourceHeight: bitmap.height,
    };
  } finally {
    bitmap.close();
  }
}
