// vLLM's log format, in one place: the process tag its processes put in front of each line
// (`(EngineCore_DP0 pid=7) `, `(VllmWorker rank=0 pid=9) `, `(RayWorkerWrapper pid=1054, ip=10.0.0.1) `), the
// level/time/source head of its logger (`ERROR 08-14 16:17:00 [core.py:222] `), the wrapper errors its API
// server prints when the engine process dies, and the gutters that tools wrapping it (docker compose, CI,
// systemd, pasted Markdown) add. The console's log panel, the launch error line and the diagnosis all read
// lines through this module. Pure and isomorphic.
import { cleanLine as terminalLine } from './log-lines';

/** docker compose service gutter `vllm-1  | `. */
const COMPOSE_GUTTER = /^[A-Za-z0-9][\w.-]*\s*\|\s/;
/** `(APIServer pid=1)`, `(VllmWorker rank=1 pid=97)`, `(RayWorkerWrapper pid=1054, ip=10.0.0.1)`, `(pid=7)`. */
const PROCESS_TAG = /^\((?:[^()\s]+\s+)?(?:\w+=[^\s,()]+,?\s*)*pid=\d+(?:,?\s*\w+=[^\s,()]+)*\)/;

const LEVEL = '(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)';
const DATE = '((?:\\d{4}-)?\\d\\d-\\d\\d\\s+\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?)';
/** `ERROR 08-14 16:17:00 [core.py:222] `, older `ERROR 03-13 11:21:33 serving_chat.py:197] `, dated or not. */
const LOG_HEAD = new RegExp(`^${LEVEL}\\s+(?:${DATE}\\s+)?(\\[?[\\w./-]+:\\d+\\])\\s?`);
/** The level and date alone, for heads whose source part is missing. */
const LEVEL_DATE = new RegExp(`^${LEVEL} ${DATE.replace('\\s+', ' ')} `);

/** vLLM's wrapper errors: the API server reporting that the engine died, never the cause itself. */
export const WRAPPER_PATTERNS: readonly RegExp[] = [
  /EngineCore failed to start/i,
  /Engine core initialization failed/i,
  /EngineDeadError/,
  /Engine core proc \S+ died unexpectedly/i,
  /Engine process failed to start/i,
  /WorkerProc initialization failed/i,
  /Background loop has errored already/i,
];

export function isWrapperError(text: string): boolean {
  return WRAPPER_PATTERNS.some((wrapper) => wrapper.test(text));
}

const PROCESS_PREFIX = new RegExp(`${PROCESS_TAG.source} ?`);

/**
 * Removes a compose gutter and a vLLM process tag (with the one space after it) from the start of a line, if
 * present; the indentation of a traceback line stays.
 */
export function stripProcessPrefix(line: string): string {
  return line.replace(COMPOSE_GUTTER, '').replace(PROCESS_PREFIX, '');
}

export interface LogHead {
  level: string;
  /** `08-14 16:17:00` as printed, when the head has one. */
  date?: string;
  /** `[core.py:222]` as printed. */
  source: string;
  /** The message after the head. */
  message: string;
}

/** Reads vLLM's logger head off a line whose process prefix is already gone; null when there is none. */
export function parseLogHead(text: string): LogHead | null {
  const found = LOG_HEAD.exec(text);
  if (!found) return null;
  const [head, level = '', date, source = ''] = found;
  return { level, ...(date ? { date } : {}), source, message: text.slice(head.length) };
}

/** `INFO 08-14 16:17:00 [x.py:1] hi` → `INFO [x.py:1] hi`: the date repeats on every line. */
export function dropHeadDate(text: string): string {
  return text.replace(LEVEL_DATE, '$1 ');
}

// Colour codes in a paste that lost the ESC byte, or shows it in caret notation (`^[[1;36m`); real escape
// sequences are already gone (log-lines strips them).
const PASTED_COLOUR = /(?:\^\[)?\[[0-9;]*m/g;
const LEADING = [
  // Markdown quotes and CI (Buildkite) gutters around pasted logs.
  /^>\s*/,
  /^\|\s+/,
  // `[2024-09-05T00:38:34Z] ` from CI runners.
  /^\[\d{4}-\d\d-\d\d[T ][\d:.,]+Z?\]\s*/,
  // ISO or Python-logging timestamps, with an optional ` - logger - LEVEL - ` tail.
  /^\d{4}-\d\d-\d\d[T ][\d:.,]+Z?\s+(?:-\s+[\w.]+\s+-\s+[A-Z]+\s+-\s+)?/,
  COMPOSE_GUTTER,
  // systemd journal `Aug 17 18:42:18 host vllm[8052]: `.
  /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ [\w.@-]+(?:\[\d+\])?: /,
  new RegExp(`${PROCESS_TAG.source}\\s*`),
  /^\[rank\d+\]:\s*/,
  LOG_HEAD,
  // The other engines' heads, for pastes: SGLang `[2025-03-29 18:18:34 TP0] `, llama.cpp's `3.02.199.202 E `
  // (with timestamps) and `[44039] E ` (with a pid).
  /^\[(?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d(?:\s+(?:DP|TP|PP|EP)\d+)*\]\s*/,
  /^\d+\.\d\d\.\d{3}\.\d{3} [DIWE] /,
  /^\[\d+\] [DIWE] /,
  // uvicorn heads `ERROR:    `.
  /^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):\s+/,
];
// Enough for the deepest stack seen (wrapper app > timestamp > docker > process > vLLM head).
const MAX_PASSES = 8;

/**
 * The message of one log line: what a terminal shows (last `\r` segment, no escape sequences) without colour
 * codes, gutters, timestamps, process tags and log heads; trimmed.
 */
export function cleanLine(raw: string): string {
  let text = terminalLine(raw).replace(PASTED_COLOUR, '').trim();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = text;
    for (const head of LEADING) text = text.replace(head, '');
    text = text.trimStart();
    if (text === before) break;
  }
  return text.trimEnd();
}
