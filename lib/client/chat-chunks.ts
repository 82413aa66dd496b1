// Long plain text (a thinking trace) cut into blocks for rendering; see chunkText.
const CHUNK_MIN = 1500;
const CHUNK_MAX = 6000;

/**
 * Cuts the trace into blocks that never change once the text has moved past them: each ends at the first
 * line break after CHUNK_MIN characters, or, in a trace without line breaks, at the first space after
 * CHUNK_MAX. Only the last block changes while the trace streams, so each frame lays out one small block
 * instead of the whole trace.
 */
export function chunkText(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start + CHUNK_MIN);
    let end = newline !== -1 && newline < start + CHUNK_MAX ? newline : -1;
    if (end === -1 && text.length > start + CHUNK_MAX) end = text.indexOf(' ', start + CHUNK_MAX);
    if (end === -1) break;
    chunks.push(text.slice(start, end + 1));
    start = end + 1;
  }
  chunks.push(text.slice(start));
  return chunks;
}
