// What an image file really is, from its first bytes: the formats vision models take are accepted, and
// everything else (HEIC from a phone, SVG, PDF, a renamed text file) is named, so the message can say why.
// Isomorphic: the browser checks a dropped file with it, the server checks every image it is sent.

export const ACCEPTED_TYPES = ['png', 'jpeg', 'webp', 'gif', 'bmp'] as const;
export type ImageType = (typeof ACCEPTED_TYPES)[number];

export const MIME: Record<ImageType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  bmp: 'image/bmp',
};

export type SniffResult =
  | { ok: true; type: ImageType; width: number; height: number }
  | { ok: false; reason: string };

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));
const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => ((u16be(b, i) << 16) >>> 0) + u16be(b, i + 2);
const i32le = (b: Uint8Array, i: number) => u16le(b, i) | (u16le(b, i + 2) << 16) | 0;

export function sniffImage(b: Uint8Array): SniffResult {
  if (b.length >= 24 && u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a) {
    return { ok: true, type: 'png', width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b);
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return webp(b);
  const gif = ascii(b, 0, 6);
  if (b.length >= 10 && (gif === 'GIF87a' || gif === 'GIF89a')) {
    return { ok: true, type: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
  }
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) {
    return { ok: true, type: 'bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  }
  return { ok: false, reason: refusal(b) };
}

/** Walks JPEG marker segments to the start-of-frame marker, which carries the size. */
function jpeg(b: Uint8Array): SniffResult {
  let i = 2;
  while (i + 9 <= b.length) {
    if (b[i] !== 0xff) break;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { ok: true, type: 'jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    if (marker === 0xd9 || marker === 0xda) break;
    i += 2 + u16be(b, i + 2);
  }
  return { ok: false, reason: 'it looks like a JPEG but its header is damaged' };
}

function webp(b: Uint8Array): SniffResult {
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8 ')
    return { ok: true, type: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = ((b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24)) >>> 0;
    return { ok: true, type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { ok: true, type: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return { ok: false, reason: 'it looks like a WebP but its header is damaged' };
}

function refusal(b: Uint8Array): string {
  const brand = b.length >= 12 && ascii(b, 4, 8) === 'ftyp' ? ascii(b, 8, 12) : '';
  if (/^(heic|heix|hevc|hevx|mif1|msf1|heim|heis)$/.test(brand)) {
    return 'it is a HEIC/HEIF photo; export it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible)';
  }
  if (brand === 'avif' || brand === 'avis')
    return 'it is an AVIF image, which vision models do not take; convert it to PNG or JPEG';
  const head = ascii(b, 0, Math.min(b.length, 256)).trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'it is a PDF; take a screenshot of the page instead';
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) {
    return 'it is an SVG drawing; export it as PNG';
  }
  if (
    b.length > 0 &&
    b.subarray(0, 512).every((c) => c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127) || c >= 128)
  ) {
    return 'it is text, not an image (only the content counts, not the file name)';
  }
  return 'it is not a PNG, JPEG, WebP, GIF or BMP image';
}
