// Searching the log: a literal, case-insensitive query; which lines match and where to highlight. Pure.

export interface Segment {
  text: string;
  isMatch: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A test for the query, or null when there is nothing to search for. */
export function makeMatcher(query: string): ((text: string) => boolean) | null {
  if (query.trim() === '') return null;
  const re = new RegExp(escapeRegExp(query), 'i');
  return (text) => re.test(text);
}

/** Indexes (into `lines`) of the lines that contain the query. */
export function matchingIndexes(lines: readonly { text: string }[], query: string): number[] {
  return searchLines(lines as readonly SearchableLine[], query, null).indexes;
}

interface SearchableLine {
  seq?: number;
  text: string;
}

/** What the last search saw, so the next one (same query, a few more lines) tests only what is new. */
export interface SearchMemo {
  query: string;
  lines: readonly SearchableLine[];
  hits: Uint8Array;
}

/**
 * Like matchingIndexes, reusing `memo`: a line that is the same object at the same place as last time keeps
 * its answer, so a live log searched every frame only tests its new (or redrawn) lines. Lines must be sorted
 * by seq; the old list may have lost lines at the front.
 */
export function searchLines(
  lines: readonly SearchableLine[],
  query: string,
  memo: SearchMemo | null,
): { indexes: number[]; memo: SearchMemo | null } {
  const matches = makeMatcher(query);
  if (!matches) return { indexes: [], memo: null };
  const old = memo && memo.query === query ? memo : null;
  const shift = old ? alignment(old.lines, lines) : 0;
  const hits = new Uint8Array(lines.length);
  const indexes: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const j = i + shift;
    const hit = old && old.lines[j] === line ? old.hits[j] === 1 : matches(line.text);
    if (hit) {
      hits[i] = 1;
      indexes.push(i);
    }
  }
  return { indexes, memo: { query, lines, hits } };
}

/** Where the new list's first line sits in the old list (lines dropped at the front shift everything). */
function alignment(before: readonly SearchableLine[], after: readonly SearchableLine[]): number {
  const seq = after[0]?.seq;
  if (seq === undefined) return 0;
  let lo = 0;
  let hi = before.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((before[mid]?.seq ?? 0) < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text cut into plain and matching pieces, for <mark>; one plain piece when nothing matches. */
export function highlightSegments(text: string, query: string): Segment[] {
  if (query.trim() === '') return [{ text, isMatch: false }];
  const re = new RegExp(escapeRegExp(query), 'gi');
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(re)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), isMatch: false });
    out.push({ text: match[0], isMatch: true });
    last = at + match[0].length;
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last), isMatch: false });
  return out;
}

/** The next (or previous) match from the current one, wrapping around; -1 without matches. */
export function stepMatch(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}
