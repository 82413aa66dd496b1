// Undoes a terminal's hard wraps in a pasted log. A terminal 80–120 columns wide breaks a long record into
// several lines, sometimes mid-word, and the copy keeps the breaks; rules must see the record whole. A line
// continues the one before when that one filled the terminal's width and the line starts no record of its own
// (no process tag, log head, timestamp, traceback line or exception); a repeated process prefix is dropped.
import { stripProcessPrefix } from '@/lib/engine/vllm-log';

const MIN_WIDTH = 80;
const MAX_WIDTH = 120;
// What starts a record: brackets and parens of tags and timestamps, level words, dates, traceback parts,
// `Name: ` heads (llama.cpp functions, Python exceptions), compose gutters, indentation and list markers.
const RECORD_HEAD =
  /^(?:[([{<>|#*-]|\s|(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)\b|\d{4}-\d\d-\d\d|\d+\.\d\d\.\d{3}\.\d{3} |Traceback|File "|During handling|The above exception|[\w.]+:(?:\s|$)|[\w.-]+\s+\|\s|[A-Z] \S)/;

export interface JoinedLine {
  text: string;
  /** Index of the record's first line in the input. */
  index: number;
}

function prefixOf(line: string): string {
  return line.slice(0, line.length - stripProcessPrefix(line).length);
}

/** The rest of `next` when it is a hard-wrapped continuation of `prev`, else null. */
function continuation(prev: string, next: string): string | null {
  if (prev.length < MIN_WIDTH || prev.length > MAX_WIDTH || next.trim() === '') return null;
  const prefix = prefixOf(prev);
  const rest = prefix !== '' && next.startsWith(prefix) ? next.slice(prefix.length) : next;
  if (rest === '' || RECORD_HEAD.test(rest)) return null;
  return rest;
}

// How a continuation is glued back. A terminal breaks at exactly its width, mid-word or not, so a line of that
// width joins directly (but a space trimmed after punctuation, `needed,` + `which`, comes back). A shorter
// wrapped line was broken at a word boundary (a terminal or editor that wraps words), so a space joins it.
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function glue(prev: string, rest: string, width: number): string {
  const last = prev.at(-1) ?? '';
  const first = rest[0] ?? '';
  if (/\s/.test(last) || /\s/.test(first)) return rest;
  if (prev.length < width) return ` ${rest}`;
  // At full width only a word after punctuation lost a space; `failed` + `: out of memory` did not.
  return !WORD_CHAR.test(last) && WORD_CHAR.test(first) ? ` ${rest}` : rest;
}

/** Joins hard-wrapped lines; each result keeps the index of its first line. */
export function joinWrappedLines(lines: readonly string[]): JoinedLine[] {
  const physical = lines.map((line) => line.replace(/\r$/, ''));
  const rests = physical.map((line, i) => (i === 0 ? null : continuation(physical[i - 1] ?? '', line)));
  // The terminal's width: the longest line that a continuation follows.
  let width = 0;
  rests.forEach((rest, i) => {
    if (rest !== null) width = Math.max(width, physical[i - 1]?.length ?? 0);
  });
  const out: JoinedLine[] = [];
  physical.forEach((line, index) => {
    const current = out[out.length - 1];
    const rest = rests[index] ?? null;
    if (current && rest !== null) current.text += glue(physical[index - 1] ?? '', rest, width);
    else out.push({ text: line, index });
  });
  return out;
}
