// Conversation titles derived from the first thing the person asked. The title is stored whole (the sidebar
// cuts it to its width); only a very long first line is cut, to keep the store small.
const MAX_TITLE = 200;
export const UNTITLED = 'New chat';

export function deriveTitle(text: string): string {
  const firstLine =
    text
      .replace(/```[\s\S]*?(```|$)/g, ' ')
      .split('\n')
      .map((line) => line.replace(/^\s*(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)/, '').trim())
      .find((line) => line.length > 0) ?? '';
  const plain = firstLine
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!plain) return UNTITLED;
  if (plain.length <= MAX_TITLE) return plain;
  const cut = plain.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}
