// Reads an image's format and pixel size from its first bytes, so the demo reply can prove which image arrived.
// Only headers are parsed; nothing is decoded.

/**
 * @typedef {{ format: string, width: number, height: number }} ImageInfo
 */

/**
 * @param {Buffer} buf
 * @returns {ImageInfo | null} null when the format is not recognised; width/height 0 when the header is cut short
 */
export function sniffImage(buf) {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47 && buf.readUInt32BE(4) === 0x0d0a1a0a) {
    // IHDR is always the first chunk: length, "IHDR", width, height.
    return buf.length >= 24
      ? { format: 'png', width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) }
      : dimless('png');
  }
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return jpeg(buf);
  if (
    buf.length >= 12 &&
    buf.toString('latin1', 0, 4) === 'RIFF' &&
    buf.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return webp(buf);
  }
  const head6 = buf.toString('latin1', 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') {
    return buf.length >= 10
      ? { format: 'gif', width: buf.readUInt16LE(6), height: buf.readUInt16LE(8) }
      : dimless('gif');
  }
  if (buf.length >= 18 && buf[0] === 0x42 && buf[1] === 0x4d) return bmp(buf);
  return null;
}

const dimless = (/** @type {string} */ format) => ({ format, width: 0, height: 0 });

/** Walks the marker segments until a start-of-frame marker, which carries the size. */
function jpeg(/** @type {Buffer} */ buf) {
  let i = 2;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) return dimless('jpeg');
    const marker = buf[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Markers without a length field: TEM, RSTn, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan: no SOF before the data
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof && i + 9 <= buf.length) {
      return { format: 'jpeg', height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    }
    i += 2 + buf.readUInt16BE(i + 2);
  }
  return dimless('jpeg');
}

function webp(/** @type {Buffer} */ buf) {
  const chunk = buf.toString('latin1', 12, 16);
  if (chunk === 'VP8 ' && buf.length >= 30) {
    // Lossy: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
    return { format: 'webp', width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L' && buf.length >= 25) {
    // Lossless: signature 0x2f, then width-1 and height-1 packed as two 14-bit fields.
    const bits = buf.readUInt32LE(21);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && buf.length >= 30) {
    // Extended: canvas width-1 and height-1 as 24-bit little-endian fields.
    return { format: 'webp', width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1 };
  }
  return dimless('webp');
}

function bmp(/** @type {Buffer} */ buf) {
  const headerSize = buf.readUInt32LE(14);
  if (headerSize === 12 && buf.length >= 22) {
    return { format: 'bmp', width: buf.readUInt16LE(18), height: buf.readUInt16LE(20) };
  }
  // Negative height means a top-down bitmap.
  if (buf.length >= 26)
    return { format: 'bmp', width: buf.readInt32LE(18), height: Math.abs(buf.readInt32LE(22)) };
  return dimless('bmp');
}

/**
 * Splits a `data:` URL into its declared media type and bytes.
 * @param {string} url
 * @returns {{ mediaType: string, bytes: Buffer } | null} null when `url` is not a data URL
 */
export function decodeDataUrl(url) {
  const match = /^data:([^,;]*)((?:;[^,;]*)*),/s.exec(url);
  if (!match) return null;
  const payload = url.slice(match[0].length);
  const isBase64 = (match[2] ?? '').split(';').includes('base64');
  let bytes;
  try {
    bytes = isBase64 ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
  } catch {
    bytes = Buffer.alloc(0);
  }
  return { mediaType: match[1] || 'text/plain', bytes };
}
