// How serious a log line is, read from its text: the level word vLLM, uvicorn and Python logging print near
// the start of a line, else what the text itself says (a traceback, `SomeError:`, `SomeWarning:`). Pure.
import type { LogLine } from '@/lib/engine/types';
import { stripProcessPrefix } from '@/lib/engine/vllm-log';

export const LOG_LEVELS = ['error', 'warning', 'info'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A log line as the console keeps it: classified once, when it arrives. */
export interface ClientLogLine extends LogLine {
  level: LogLevel;
}

/** The first level word in a line's head, after prefixes such as `(APIServer pid=1)` or `svc |`. */
const LEVEL_WORD = /\b(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)\b/;
const HEAD_CHARS = 96;
const ERROR_TEXT =
  /Traceback \(most recent call last\)|^\s*(?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception)\b(?::|$)|^\s*(?:error|fatal):\s/;
const WARNING_TEXT =
  /^\s*(?:[\w.]+\.)?[A-Z]\w*Warning\b:|\.py:\d+: [A-Z]\w*Warning\b:|^\s*warnings\.warn\(|^\s*warning:\s/;

export function classifyLine(text: string): LogLevel {
  const word = LEVEL_WORD.exec(text.slice(0, HEAD_CHARS))?.[1];
  if (word === 'ERROR' || word === 'CRITICAL' || word === 'FATAL') return 'error';
  if (word === 'WARNING' || word === 'WARN') return 'warning';
  if (word) return 'info';
  // No level word: a raw Python traceback or warning (printed by the interpreter, not the logger).
  const body = stripProcessPrefix(text);
  if (ERROR_TEXT.test(body)) return 'error';
  if (WARNING_TEXT.test(body)) return 'warning';
  return 'info';
}

export function toClientLine(line: LogLine): ClientLogLine {
  const level = classifyLine(line.text);
  return {
    seq: line.seq,
    ts: line.ts,
    stream: line.stream,
    text: line.text,
    level,
    ...(line.probe ? { probe: true } : {}),
  };
}
