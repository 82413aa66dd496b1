// The EXIF orientation of a JPEG (1–8, 1 = upright), read from its first bytes. The browser applies it when
// it decodes; the app only needs it to know whether a file may be sent untouched: a rotated original would
// reach the model sideways, because the engine's decoder ignores EXIF.

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));
const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);

export function jpegOrientation(b: Uint8Array): number {
  if (b[0] !== 0xff || b[1] !== 0xd8) return 1;
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1] ?? 0;
    if (marker === 0xda || marker === 0xd9) break;
    const length = u16be(b, i + 2);
    if (marker === 0xe1 && ascii(b, i + 4, i + 10) === 'Exif\0\0') return tiffOrientation(b, i + 10);
    i += 2 + length;
  }
  return 1;
}

/** Walks IFD0 of the TIFF block that EXIF wraps, looking for tag 0x0112 (Orientation). */
function tiffOrientation(b: Uint8Array, start: number): number {
  const order = ascii(b, start, start + 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const u16 = order === 'II' ? u16le : u16be;
  const u32 = (i: number) =>
    order === 'II' ? u16le(b, i) + u16le(b, i + 2) * 0x10000 : u16be(b, i) * 0x10000 + u16be(b, i + 2);
  const ifd = start + u32(start + 4);
  const count = u16(b, ifd);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > b.length) break;
    if (u16(b, entry) === 0x0112) {
      const value = u16(b, entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}
