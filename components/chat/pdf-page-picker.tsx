'use client';
// A dropped PDF, before its pages become images: how many pages it has, which to send (the first ones that
// fit by default, a range such as "3–7", or all within the image limit) and what they will cost in tokens.
// Scanned documents and slides are the case: the model reads the pictures, not extracted text.
import { useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { type OpenedPdf, openPdf, pdfPagesAsFiles } from '@/lib/client/pdf-render';
import { formatPageRange, pageScale, pageTokens, parsePageRange } from '@/lib/media/pdf-pages';

export interface PdfPagePickerProps {
  file: File;
  /** Images the message can still take. */
  slots: number;
  maxPixels: number;
  tokenPatch: number;
  onAdd(files: File[]): void;
  onCancel(): void;
}

type Loaded = { state: 'loading' } | { state: 'failed'; reason: string } | { state: 'ready'; pdf: OpenedPdf };

function usePdf(file: File): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let open: OpenedPdf | null = null;
    let gone = false;
    openPdf(file).then(
      (pdf) => {
        if (gone) return pdf.close();
        open = pdf;
        setLoaded({ state: 'ready', pdf });
      },
      () =>
        !gone && setLoaded({ state: 'failed', reason: 'The PDF could not be read (damaged or encrypted).' }),
    );
    return () => {
      gone = true;
      open?.close();
    };
  }, [file]);
  return loaded;
}

export function PdfPagePicker(props: PdfPagePickerProps) {
  const { file, slots, maxPixels, tokenPatch, onAdd, onCancel } = props;
  const loaded = usePdf(file);
  const pageCount = loaded.state === 'ready' ? loaded.pdf.pageCount : 0;
  const [range, setRange] = useState<string | null>(null);
  const [pageTokensEach, setPageTokensEach] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const firstFit = Math.min(pageCount, slots);
  const text =
    range ?? (firstFit > 0 ? formatPageRange(Array.from({ length: firstFit }, (_, i) => i + 1)) : '');
  const pages = useMemo(() => parsePageRange(text, pageCount), [text, pageCount]);

  // Pages of one document are nearly always one size: the first page's cost stands for each.
  useEffect(() => {
    if (loaded.state !== 'ready') return;
    void loaded.pdf.pageSize(1).then(({ width, height }) => {
      const scale = pageScale(width, height, maxPixels);
      setPageTokensEach(pageTokens(width * scale, height * scale, tokenPatch));
    });
  }, [loaded, maxPixels, tokenPatch]);

  const tooMany = pages !== null && pages.length > slots;
  const add = async () => {
    if (loaded.state !== 'ready' || !pages || tooMany) return;
    setBusy(true);
    try {
      onAdd(await pdfPagesAsFiles(loaded.pdf, file.name, pages, maxPixels));
    } catch {
      setError('A page could not be rendered.');
      setBusy(false);
    }
  };

  return (
    <section
      data-testid="pdf-picker"
      aria-label={`Pages of ${file.name}`}
      className="mt-2.5 rounded-xl border border-border bg-background p-3 text-sm"
    >
      <p className="truncate font-medium" title={file.name}>
        {file.name}
        <span data-testid="pdf-page-count" className="font-normal text-muted-foreground">
          {loaded.state === 'ready' ? ` · ${pageCount} page${pageCount === 1 ? '' : 's'}` : ' · reading…'}
        </span>
      </p>
      {loaded.state === 'failed' ? (
        <p role="alert" className="mt-1 text-danger">
          {loaded.reason}
        </p>
      ) : (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1.5">
            Pages
            <input
              data-testid="pdf-range"
              value={text}
              onChange={(e) => setRange(e.target.value)}
              placeholder="e.g. 3–7"
              className="w-28 rounded-md border border-border bg-transparent px-2 py-1"
            />
          </label>
          <Button className="h-7 px-2" onClick={() => setRange(`1–${firstFit}`)} disabled={firstFit === 0}>
            First {firstFit}
          </Button>
          <Button
            className="h-7 px-2"
            onClick={() => setRange('all')}
            disabled={pageCount === 0 || pageCount > slots}
          >
            All
          </Button>
          <span data-testid="pdf-tokens" className="text-muted-foreground">
            {pages && pageTokensEach ? `≈${(pages.length * pageTokensEach).toLocaleString('en-US')} tok` : ''}
          </span>
        </div>
      )}
      {(tooMany || error || (pages === null && pageCount > 0)) && (
        <p role="alert" className="mt-1 text-danger">
          {error ??
            (tooMany
              ? `${pages?.length} pages; the message can take ${slots} more image${slots === 1 ? '' : 's'}.`
              : 'Write pages as 3–7 or 1, 4, 9.')}
        </p>
      )}
      <div className="mt-2 flex justify-end gap-2">
        <Button className="h-8 px-3" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          variant="primary"
          data-testid="pdf-add"
          className="h-8 px-3"
          disabled={loaded.state !== 'ready' || !pages || tooMany || busy}
          onClick={() => void add()}
        >
          {busy ? 'Rendering…' : `Add ${pages?.length ?? 0} page${pages?.length === 1 ? '' : 's'}`}
        </Button>
      </div>
    </section>
  );
}
