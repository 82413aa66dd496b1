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

/** Joins hard-wrapped lines; each result keeps the index of its first line. */
export function joinWrappedLines(lines: readonly string[]): JoinedLine[] {
  const out: JoinedLine[] = [];
  // The width test applies to the last physical line, not to the record joined so far.
  let lastPhysical = '';
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    const current = out[out.length - 1];
    const rest = current ? continuation(lastPhysical, line) : null;
    if (current && rest !== null) current.text += rest;
    else out.push({ text: line, index });
    lastPhysical = line;
  }
  return out;
}
