import { describe, expect, it } from 'vitest';
import { jpegOrientation } from './orientation';

/** A JPEG head: SOI, an APP0, then an APP1 EXIF block whose IFD0 holds Orientation (and one other tag). */
function jpegWithOrientation(value: number, order: 'II' | 'MM'): Uint8Array {
  const le = order === 'II';
  const u16 = (n: number) => (le ? [n & 0xff, n >> 8] : [n >> 8, n & 0xff]);
  const u32 = (n: number) =>
    le ? [...u16(n & 0xffff), ...u16(n >>> 16)] : [...u16(n >>> 16), ...u16(n & 0xffff)];
  const entry = (tag: number, v: number) => [...u16(tag), ...u16(3), ...u32(1), ...u16(v), 0, 0];
  const tiff = [
    ...[...order].map((c) => c.charCodeAt(0)),
    ...u16(42),
    ...u32(8),
    ...u16(2),
    ...entry(0x010f, 7),
    ...entry(0x0112, value),
    ...u32(0),
  ];
  const exif = [...'Exif\0\0'].map((c) => c.charCodeAt(0));
  const app1 = [0xff, 0xe1, ...[(tiff.length + 8) >> 8, (tiff.length + 8) & 0xff], ...exif, ...tiff];
  const app0 = [0xff, 0xe0, 0, 4, 0, 0];
  return new Uint8Array([0xff, 0xd8, ...app0, ...app1, 0xff, 0xda, 0, 2]);
}

describe('jpegOrientation', () => {
  it.each([1, 3, 6, 8])('reads orientation %i in either byte order', (value) => {
    expect(jpegOrientation(jpegWithOrientation(value, 'II'))).toBe(value);
    expect(jpegOrientation(jpegWithOrientation(value, 'MM'))).toBe(value);
  });

  it('says upright when there is no EXIF, the value is out of range, or it is not a JPEG', () => {
    expect(jpegOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 2]))).toBe(1);
    expect(jpegOrientation(jpegWithOrientation(9, 'II'))).toBe(1);
    expect(jpegOrientation(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(1);
    expect(jpegOrientation(jpegWithOrientation(6, 'MM').subarray(0, 20))).toBe(1);
  });
});
