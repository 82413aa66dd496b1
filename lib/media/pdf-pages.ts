// Which pages of a PDF to send and at what size. Pure: the picker, the renderer and the benchmark share it.

/** Pages as people write them: "3–7", "1, 4-6, 9", "all". Out-of-range and repeated pages are dropped. */
export function parsePageRange(text: string, pageCount: number): number[] | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'all') return Array.from({ length: pageCount }, (_, i) => i + 1);
  const pages = new Set<number>();
  for (const piece of trimmed.split(/[,;\s]+/).filter(Boolean)) {
    const match = /^(\d+)(?:\s*[-–—]\s*(\d+))?$/.exec(piece);
    if (!match) return null;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (from < 1 || to < from) return null;
    for (let p = from; p <= Math.min(to, pageCount); p++) pages.add(p);
  }
  return pages.size > 0 ? [...pages].sort((a, b) => a - b) : null;
}

/** How a list of pages is written back: [3,4,5,7] → "3–5, 7". */
export function formatPageRange(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    const start = pages[i] as number;
    let end = start;
    while (pages[i + 1] === end + 1) end = pages[++i] as number;
    parts.push(start === end ? String(start) : `${start}–${end}`);
  }
  return parts.join(', ');
}

/**
 * Scale to render a page of `width`×`height` PDF points at: about 150 dpi (small print stays legible to the
 * model's 28-pixel patches), never more pixels than the model uses.
 */
export function pageScale(width: number, height: number, maxPixels: number): number {
  const dpiScale = 150 / 72;
  const cap = Math.sqrt(Math.min(maxPixels, 2_200_000) / Math.max(1, width * height));
  return Math.min(dpiScale, cap);
}

/** Tokens for a page image of this size: one per 28×28 patch. */
export function pageTokens(width: number, height: number, tokenPatch = 28): number {
  return Math.ceil(width / tokenPatch) * Math.ceil(height / tokenPatch);
}
