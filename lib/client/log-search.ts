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
  const matches = makeMatcher(query);
  if (!matches) return [];
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) if (matches(lines[i]?.text ?? '')) out.push(i);
  return out;
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
