import { describe, expect, it } from 'vitest';
import { sniffImage } from './sniff';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

const PNG = bytes([0x89], 'PNG', [13, 10, 26, 10], be32(13), 'IHDR', be32(4000), be32(3000), [8, 6, 0, 0, 0]);
const JPEG = bytes(
  [0xff, 0xd8, 0xff, 0xe0],
  [0, 16],
  'JFIF',
  [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
  [0xff, 0xc0, 0, 17, 8],
  [0x0b, 0xb8],
  [0x0f, 0xa0],
  [3, 1, 0x22, 0],
);
const WEBP_VP8X = bytes(
  'RIFF',
  le32(100),
  'WEBP',
  'VP8X',
  le32(10),
  [0, 0, 0, 0],
  [0x7f, 0x07, 0],
  [0x37, 0x04, 0],
  [0, 0],
);
const WEBP_VP8L = bytes(
  'RIFF',
  le32(100),
  'WEBP',
  'VP8L',
  le32(10),
  [0x2f],
  le32(((640 - 1) | ((480 - 1) << 14)) >>> 0),
  [0, 0, 0, 0, 0],
);
const GIF = bytes('GIF89a', le16(320), le16(240), [0, 0, 0]);
const BMP = bytes('BM', le32(1000), [0, 0, 0, 0], le32(54), le32(40), le32(800), le32(-600), [0, 0]);

describe('sniffImage accepts what vision models take, with its size', () => {
  it.each([
    ['PNG', PNG, 'png', 4000, 3000],
    ['JPEG', JPEG, 'jpeg', 4000, 3000],
    ['WebP (VP8X)', WEBP_VP8X, 'webp', 1920, 1080],
    ['WebP (VP8L)', WEBP_VP8L, 'webp', 640, 480],
    ['GIF', GIF, 'gif', 320, 240],
    ['BMP (top-down)', BMP, 'bmp', 800, 600],
  ])('%s', (_name, data, type, width, height) => {
    expect(sniffImage(data)).toEqual({ ok: true, type, width, height });
  });
});

describe('sniffImage refuses everything else by content, saying what it is', () => {
  it.each([
    ['HEIC', bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), /HEIC/],
    ['AVIF', bytes([0, 0, 0, 24], 'ftypavif', [0, 0, 0, 0]), /AVIF/],
    ['SVG', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'), /SVG/],
    ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), /PDF/],
    ['a text file named photo.jpg', bytes('hello, this is not a photo\n'), /text/],
    ['random bytes', Uint8Array.from([0, 1, 2, 3, 250, 251, 252, 0, 7]), /not a PNG, JPEG/],
    ['a truncated JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), /damaged/],
  ])('%s', (_name, data, reason) => {
    const result = sniffImage(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
