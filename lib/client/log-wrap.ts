// How many rows a log line takes when it wraps in a monospace column. The row is styled to break anywhere
// and keep every space (`white-space: break-spaces; word-break: break-all`), so a line fills exactly one cell
// per character, two for wide (East Asian, emoji) ones, tabs up to the next stop of 8: the rows follow
// from the text alone, without measuring each line in the page. Pure.

import { shortLine } from './log-display';

const TAB = 8;
// Wide characters a monospace fallback draws in two cells (CJK, Hangul, full-width forms, most emoji).
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]/u;

/** Cells the text takes on one unbroken row. */
export function textCells(text: string): number {
  // The common case (ASCII without tabs) costs one test.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let cells = 0;
  for (const ch of text) {
    if (ch === '\t') cells += TAB - (cells % TAB);
    else cells += WIDE.test(ch) ? 2 : 1;
  }
  return cells;
}

/** Rows a line takes in a column `cellsPerRow` characters wide (at least one, also for an empty line). */
export function wrappedRows(text: string, cellsPerRow: number): number {
  if (!(cellsPerRow >= 1)) return 1;
  return Math.max(1, Math.ceil(textCells(text) / Math.floor(cellsPerRow)));
}

/** Longer lines are cut on screen (copy all and the download have them whole). */
export const MAX_SHOWN_CHARS = 2000;

/** The text a row shows: short or full, cut past MAX_SHOWN_CHARS. */
export function shownText(text: string, isShort: boolean): string {
  const full = isShort ? shortLine(text) : text;
  return full.length > MAX_SHOWN_CHARS ? `${full.slice(0, MAX_SHOWN_CHARS)} …` : full;
}

// Cells of each line's shown text, short and full, kept per line object (lines are immutable; a redrawn
// line is a new object), so laying out 20,000 lines again after a resize measures no text.
const cellCache = new WeakMap<object, { short?: number; full?: number }>();

export function lineCells(line: { text: string }, isShort: boolean): number {
  let entry = cellCache.get(line);
  if (!entry) {
    entry = {};
    cellCache.set(line, entry);
  }
  const key = isShort ? 'short' : 'full';
  const known = entry[key];
  if (known !== undefined) return known;
  const cells = textCells(shownText(line.text, isShort));
  entry[key] = cells;
  return cells;
}
