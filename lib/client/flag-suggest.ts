// Suggestions for the extra-flags field: the flag being typed (the last word, once it starts with `-`)
// matched against the engine's flags — those that start with it first, then those that contain it — and
// what the text becomes when one is taken. Pure.

const MAX_SUGGESTIONS = 8;

/** The word being typed at the end of the text, or null after a space. */
export function typedWord(text: string): string | null {
  const word = /(\S+)$/.exec(text)?.[1];
  return word ?? null;
}

export function suggestFlags(text: string, flags: readonly string[]): string[] {
  const word = typedWord(text);
  if (!word?.startsWith('-')) return [];
  const used = new Set(text.split(/\s+/).slice(0, -1));
  const open = flags.filter((flag) => flag !== word && !used.has(flag));
  const starts = open.filter((flag) => flag.startsWith(word));
  const contains = open.filter((flag) => !flag.startsWith(word) && flag.includes(word.replace(/^-+/, '')));
  return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
}

/** The text with its last word replaced by `flag`, and a space to type the value after. */
export function acceptFlag(text: string, flag: string): string {
  return `${text.replace(/\S+$/, '')}${flag} `;
}
