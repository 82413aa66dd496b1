// What a video clip is, from its container headers alone: MP4/MOV (ISO BMFF `ftyp`, `moov/mvhd`, `trak/tkhd`)
// and WebM/Matroska (EBML header, Segment Info, Tracks). Nothing is decoded. Pure and isomorphic: the demo
// engine reports clips with it, the server checks that a clip is one, the browser sniffs a dropped file.

/**
 * @param {Uint8Array} bytes
 * @returns {import('./video-probe.d.mts').VideoInfo | null} null when the bytes are not a clip of a known container
 */
export function probeVideo(bytes) {
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') return probeIsoBmff(bytes);
  if (bytes.length >= 4 && u32(bytes, 0) === 0x1a45dfa3) return probeEbml(bytes);
  return null;
}

const ascii = (/** @type {Uint8Array} */ b, /** @type {number} */ s, /** @type {number} */ e) =>
  String.fromCharCode(...b.subarray(s, Math.min(e, b.length)));
const u16 = (/** @type {Uint8Array} */ b, /** @type {number} */ i) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32 = (/** @type {Uint8Array} */ b, /** @type {number} */ i) => u16(b, i) * 0x10000 + u16(b, i + 2);
const u64 = (/** @type {Uint8Array} */ b, /** @type {number} */ i) => u32(b, i) * 2 ** 32 + u32(b, i + 4);

// --- ISO base media (MP4, MOV, 3GP) -------------------------------------------------------------------

/** The boxes inside [start, end): type, where its payload starts, where it ends. */
function* boxes(/** @type {Uint8Array} */ b, /** @type {number} */ start, /** @type {number} */ end) {
  let i = start;
  while (i + 8 <= end) {
    let size = u32(b, i);
    const type = ascii(b, i + 4, i + 8);
    let header = 8;
    if (size === 1) {
      if (i + 16 > end) return;
      size = u64(b, i + 8);
      header = 16;
    } else if (size === 0) size = end - i; // runs to the end of the file
    if (size < header) return;
    yield { type, body: i + header, end: Math.min(end, i + size) };
    i += size;
  }
}

const child = (/** @type {Uint8Array} */ b, box, /** @type {string} */ type) => {
  for (const inner of boxes(b, box.body, box.end)) if (inner.type === type) return inner;
  return null;
};

function probeIsoBmff(/** @type {Uint8Array} */ b) {
  const brand = ascii(b, 8, 12);
  const info = {
    container: brand === 'qt  ' ? 'mov' : 'mp4',
    width: 0,
    height: 0,
    durationS: /** @type {number | null} */ (null),
  };
  for (const top of boxes(b, 0, b.length)) {
    if (top.type !== 'moov') continue;
    for (const box of boxes(b, top.body, top.end)) {
      if (box.type === 'mvhd') info.durationS = mvhdDuration(b, box.body);
      if (box.type !== 'trak' || info.width) continue;
      const tkhd = child(b, box, 'tkhd');
      if (!tkhd) continue;
      // Width and height are 16.16 fixed-point, the last eight bytes of the box (both versions).
      const width = Math.round(u32(b, tkhd.end - 8) / 0x10000);
      const height = Math.round(u32(b, tkhd.end - 4) / 0x10000);
      if (width > 0 && height > 0) Object.assign(info, { width, height });
    }
  }
  return info;
}

function mvhdDuration(/** @type {Uint8Array} */ b, /** @type {number} */ at) {
  const version = b[at] ?? 0;
  const timescale = version === 1 ? u32(b, at + 20) : u32(b, at + 12);
  const duration = version === 1 ? u64(b, at + 24) : u32(b, at + 16);
  return timescale > 0 && duration > 0 && duration < 2 ** 53 ? duration / timescale : null;
}

// --- EBML (WebM, Matroska) -----------------------------------------------------------------------------

const EBML = { header: 0x1a45dfa3, docType: 0x4282, segment: 0x18538067, info: 0x1549a966 };
const MKV = {
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
};

/** A variable-length integer at i: its length and value (`keepMarker` for element IDs). */
function vint(/** @type {Uint8Array} */ b, /** @type {number} */ i, keepMarker = false) {
  const first = b[i] ?? 0;
  if (first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (i + length > b.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let unknown = value === 0xff >> length;
  for (let k = 1; k < length; k++) {
    const byte = b[i + k] ?? 0;
    value = value * 256 + byte;
    if (byte !== 0xff) unknown = false;
  }
  return { length, value, unknown: !keepMarker && unknown };
}

function* elements(/** @type {Uint8Array} */ b, /** @type {number} */ start, /** @type {number} */ end) {
  let i = start;
  while (i < end) {
    const id = vint(b, i, true);
    if (!id) return;
    const size = vint(b, i + id.length);
    if (!size) return;
    const body = i + id.length + size.length;
    const stop = size.unknown ? end : Math.min(end, body + size.value);
    yield { id: id.value, body, end: stop, unknown: size.unknown };
    if (size.unknown) return; // a live-written Segment or Cluster: its children follow directly
    i = stop;
  }
}

const uint = (/** @type {Uint8Array} */ b, el) => {
  let v = 0;
  for (let i = el.body; i < el.end; i++) v = v * 256 + (b[i] ?? 0);
  return v;
};
const float = (/** @type {Uint8Array} */ b, el) => {
  const view = new DataView(b.buffer, b.byteOffset + el.body, el.end - el.body);
  return el.end - el.body === 4 ? view.getFloat32(0) : el.end - el.body === 8 ? view.getFloat64(0) : 0;
};

function probeEbml(/** @type {Uint8Array} */ b) {
  const info = { container: 'webm', width: 0, height: 0, durationS: /** @type {number | null} */ (null) };
  for (const top of elements(b, 0, b.length)) {
    if (top.id === EBML.header) {
      for (const el of elements(b, top.body, top.end)) {
        if (el.id === EBML.docType && ascii(b, el.body, el.end).startsWith('matroska'))
          info.container = 'mkv';
      }
    }
    if (top.id === EBML.segment) readSegment(b, top, info);
  }
  return info;
}

function readSegment(/** @type {Uint8Array} */ b, segment, info) {
  let scale = 1_000_000;
  let duration = 0;
  for (const el of elements(b, segment.body, segment.end)) {
    if (el.id === EBML.info) {
      for (const field of elements(b, el.body, el.end)) {
        if (field.id === MKV.timecodeScale) scale = uint(b, field);
        if (field.id === MKV.duration) duration = float(b, field);
      }
    }
    if (el.id === MKV.tracks) readTracks(b, el, info);
    if (el.id === MKV.cluster) break; // media data from here on: the headers are behind us
  }
  if (duration > 0) info.durationS = (duration * scale) / 1e9;
}

function readTracks(/** @type {Uint8Array} */ b, tracks, info) {
  for (const entry of elements(b, tracks.body, tracks.end)) {
    if (entry.id !== MKV.trackEntry || info.width) continue;
    for (const el of elements(b, entry.body, entry.end)) {
      if (el.id !== MKV.video) continue;
      for (const field of elements(b, el.body, el.end)) {
        if (field.id === MKV.pixelWidth) info.width = uint(b, field);
        if (field.id === MKV.pixelHeight) info.height = uint(b, field);
      }
    }
  }
}

/** Media type of each container, as a data URL declares it. */
export const VIDEO_MIME = {
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
};
