// Image sizes in words for the composer and the lightbox: "4000×3000 · 5.1 MB".

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function formatImageSize(image: { width: number; height: number; bytes: number }): string {
  return `${image.width}×${image.height} · ${formatBytes(image.bytes)}`;
}
