// PDF pages to images in the browser, with pdf.js. The library (~400 kB) and its worker load only when a PDF
// is dropped, so the first page load does not carry them. The worker file is emitted by the bundler from
// `new URL(…, import.meta.url)` and served by the app itself (no CDN: the CSP allows only 'self').
import { pageScale } from '@/lib/media/pdf-pages';

type PdfJs = typeof import('pdfjs-dist');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).href;
    return lib;
  });
  return loading;
}

export interface OpenedPdf {
  pageCount: number;
  /** Size of each page in PDF points (1/72 in), for the token estimate before rendering. */
  pageSize(page: number): Promise<{ width: number; height: number }>;
  render(page: number, maxPixels: number): Promise<{ blob: Blob; width: number; height: number }>;
  close(): void;
}

export async function openPdf(file: Blob): Promise<OpenedPdf> {
  const lib = await pdfjs();
  const doc: PdfDocument = await lib.getDocument({
    data: new Uint8Array(await file.arrayBuffer()),
    isEvalSupported: false,
  }).promise;
  return {
    pageCount: doc.numPages,
    async pageSize(n) {
      const viewport = (await doc.getPage(n)).getViewport({ scale: 1 });
      return { width: viewport.width, height: viewport.height };
    },
    async render(n, maxPixels) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: pageScale(base.width, base.height, maxPixels) });
      const canvas = new OffscreenCanvas(Math.round(viewport.width), Math.round(viewport.height));
      const context = canvas.getContext('2d') as unknown as CanvasRenderingContext2D;
      // Scans and slides often have no background of their own: paint white, as a printer would.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: null, canvasContext: context, viewport }).promise;
      page.cleanup();
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return { blob, width: canvas.width, height: canvas.height };
    },
    close() {
      void doc.destroy();
    },
  };
}

/** The pages as image files named after the document, ready for the image attachments. */
export async function pdfPagesAsFiles(
  pdf: OpenedPdf,
  name: string,
  pages: readonly number[],
  maxPixels: number,
): Promise<File[]> {
  const base = name.replace(/\.pdf$/i, '');
  const files: File[] = [];
  for (const n of pages) {
    const { blob } = await pdf.render(n, maxPixels);
    files.push(new File([blob], `${base} — page ${n}.jpg`, { type: 'image/jpeg' }));
  }
  return files;
}

export const isPdf = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
