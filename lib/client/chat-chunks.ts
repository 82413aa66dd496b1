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
    // Searched only up to CHUNK_MAX: an unbounded indexOf scans the whole rest of a trace without line
    // breaks for every block, every frame (quadratic in the trace's length).
    const newline = text.slice(start + CHUNK_MIN, start + CHUNK_MAX).indexOf('\n');
    let end = newline === -1 ? -1 : start + CHUNK_MIN + newline;
    if (end === -1 && text.length > start + CHUNK_MAX) end = text.indexOf(' ', start + CHUNK_MAX);
    if (end === -1) break;
    chunks.push(text.slice(start, end + 1));
    start = end + 1;
  }
  chunks.push(text.slice(start));
  return chunks;
}
