// Reads an engine's own description of itself: the flags in its `--help` text (argparse layout for vLLM and
// SGLang, llama.cpp's own layout for llama-server) and the version it reports. Pure: the text comes from
// lib/server/engine/capabilities.ts, which runs the engine.

/** Whether a flag is a switch, needs a value, or may take one (`nargs='?'`, llama.cpp's `[on|off|auto]`). */
export type FlagArity = 'none' | 'required' | 'optional';

export interface FlagInfo {
  arity: FlagArity;
  /** The environment variable llama-server reads for it, where its help names one. */
  env?: string;
}

/** Every spelling of every flag (aliases included), as the engine's help lists them. */
export type FlagTable = Record<string, FlagInfo>;

const FLAG = /^--?[A-Za-z0-9][\w.-]*$/;

/** One `--flag METAVAR`, `--flag {a,b}`, `--flag [X]` or `--flag`: the flag and what follows it. */
function arityOf(rest: string): FlagArity {
  const hint = rest.trim();
  if (!hint) return 'none';
  // `[X]` (argparse's nargs='?') and `[on|off|auto]` are optional; `['mp', 'ray']` is a list of choices.
  return /^\[[^'"\s]*\]$/.test(hint) ? 'optional' : 'required';
}

/** Splits `-tp N, --tensor-parallel-size N` at the commas that separate spellings, not inside `{a,b}`. */
function splitSpellings(invocation: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of invocation) {
    if (ch === '{' || ch === '[' || ch === '<') depth++;
    if (ch === '}' || ch === ']' || ch === '>') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function addInvocation(table: FlagTable, invocation: string, env?: string): string[] {
  const spellings = splitSpellings(invocation);
  // llama.cpp prints the value hint once, after the last spelling; argparse repeats it after each.
  const last = spellings.at(-1) ?? '';
  const sharedHint = last.slice(last.split(/\s/)[0]?.length ?? 0);
  const added: string[] = [];
  for (const spelling of spellings) {
    const [flag = '', ...rest] = spelling.split(/\s+/);
    if (!FLAG.test(flag)) continue;
    const own = rest.join(' ');
    table[flag] = { arity: arityOf(own || sharedHint), ...(env ? { env } : {}) };
    added.push(flag);
  }
  return added;
}

/**
 * argparse's help: an option line is indented two spaces and starts with `-`; its help follows after two or
 * more spaces or on the next lines (indented deeper). Log lines printed before the help are skipped.
 */
export function parseArgparseHelp(text: string): FlagTable {
  const table: FlagTable = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^ {2}(-[^ ].*?)(?: {2,}.*)?$/.exec(line);
    if (!m?.[1]) continue;
    addInvocation(table, m[1]);
  }
  delete table['-h'];
  delete table['--help'];
  return table;
}

/**
 * llama.cpp's help (`common_arg::to_string`): the spellings and the value hint start at column 0, the
 * explanation sits at column 40 (or on the next lines), and `(env: NAME)` closes it when the flag has one.
 */
export function parseLlamaServerHelp(text: string): FlagTable {
  const table: FlagTable = {};
  let current: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    // `----- common params -----` headers start with dashes too; a flag starts with a letter or digit.
    if (/^--?[A-Za-z0-9]/.test(line)) {
      // Up to 37 columns the explanation starts at column 40; a longer invocation has the line to itself.
      const padded = line.length > 40 && line.slice(37, 40) === '   ';
      current = addInvocation(table, (padded ? line.slice(0, 40) : line).trim());
    }
    const env = /\(env: ([A-Z0-9_]+)\)/.exec(line)?.[1];
    if (env) for (const flag of current) table[flag] = { ...(table[flag] ?? { arity: 'none' }), env };
  }
  delete table['-h'];
  delete table['--help'];
  delete table['--usage'];
  return table;
}

/** A version printed alone on a line (`0.11.0`, `0.17.0rc1.dev42+gabc`), after any log lines. */
export function parsePackageVersion(text: string): string | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^(\d+\.\d+(?:\.\d+)?[\w.+-]*)$/.exec(lines[i] ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}

/** llama.cpp prints `version: 6450 (a1b2c3d4)`; the build number is what identifies it. */
export function parseLlamaVersion(text: string): string | null {
  const m = /^version: (\d+) \(([0-9a-f]+)\)/m.exec(text);
  return m ? `b${m[1]} (${m[2]})` : null;
}

/** Whether this help only lists groups and points at `--help=all` for the flags (vLLM ≥ 0.10). */
export function helpPointsToAll(text: string): boolean {
  return /--help=all/.test(text) && Object.keys(parseArgparseHelp(text)).length < 40;
}

/** The flags closest in spelling to `flag`, for a "did you mean". */
export function closestFlags(flag: string, known: readonly string[], max = 2): string[] {
  const scored = known
    .filter((k) => k.startsWith('--'))
    .map((k) => ({ k, d: editDistance(flag, k) }))
    .filter(({ k, d }) => d <= Math.max(2, Math.floor(k.length / 3)))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k));
  return scored.slice(0, max).map(({ k }) => k);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
