// A shell command line (as formatCommandLine writes it) cut into the pieces that should stay on one row: a
// flag with its value (`--max-model-len 32768`), else each argument. Quoted arguments stay whole. Pure.

/** Words of the line, quotes kept: `a 'b c' d` → ["a", "'b c'", "d"]. */
function shellWords(text: string): string[] {
  return text.match(/(?:[^\s'"]+|'[^']*'|"(?:[^"\\]|\\.)*")+/g) ?? [];
}

export function commandGroups(text: string): string[] {
  const words = shellWords(text);
  const groups: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    if (word.startsWith('-') && !word.includes('=') && next !== undefined && !next.startsWith('-')) {
      groups.push(`${word} ${next}`);
      i++;
    } else groups.push(word);
  }
  return groups;
}
