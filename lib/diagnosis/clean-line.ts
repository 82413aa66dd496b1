// Normalises one log line before matching: vLLM, Ray, docker compose, CI runners and wrapper apps put process
// tags, timestamps and log-level heads in front of the message, and pasted logs keep ANSI colour codes.

// Colour codes start with ESC; pastes lose it or show it in caret notation (`^[[1;36m`).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ESC is the point
const ANSI = /(?:\x1b|\^\[)?\[[0-9;]*m|\x1b\[[0-?]*[ -/]*[@-~]/g;
const LEADING = [
  // Markdown quotes and CI (Buildkite) gutters around pasted logs.
  /^>\s*/,
  /^\|\s+/,
  // `[2024-09-05T00:38:34Z] ` from CI runners.
  /^\[\d{4}-\d\d-\d\d[T ][\d:.,]+Z?\]\s*/,
  // ISO or Python-logging timestamps, with an optional ` - logger - LEVEL - ` tail.
  /^\d{4}-\d\d-\d\d[T ][\d:.,]+Z?\s+(?:-\s+[\w.]+\s+-\s+[A-Z]+\s+-\s+)?/,
  // docker compose service gutter `vllm-1  | `.
  /^[A-Za-z0-9][\w.-]*\s*\|\s/,
  // systemd journal `Aug 17 18:42:18 host vllm[8052]: `.
  /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ [\w.@-]+(?:\[\d+\])?: /,
  // `(APIServer pid=1)`, `(VllmWorker rank=1 pid=97)`, `(RayWorkerWrapper pid=1054, ip=10.0.0.1)`, `(pid=7)`.
  /^\((?:[^()\s]+\s+)?(?:\w+=[^\s,()]+,?\s*)*pid=\d+(?:,?\s*\w+=[^\s,()]+)*\)\s*/,
  /^\[rank\d+\]:\s*/,
  // vLLM heads: `ERROR 08-14 16:17:00 [core.py:222] `, `ERROR 03-13 11:21:33 serving_chat.py:197] `.
  /^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s+(?:(?:\d{4}-)?\d\d-\d\d\s+\d\d:\d\d:\d\d(?:[.,]\d+)?\s+)?\[?[\w./-]+:\d+\]\s?/,
  // uvicorn heads `ERROR:    `.
  /^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):\s+/,
];
// Enough for the deepest stack seen (wrapper app > timestamp > docker > process > vLLM head).
const MAX_PASSES = 8;

/** The last non-blank `\r` segment: what a terminal shows after a progress bar redrew the line. */
function lastSegment(raw: string): string {
  if (!raw.includes('\r')) return raw;
  const segments = raw.split('\r');
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] ?? '';
    if (segment.trim() !== '') return segment;
  }
  return '';
}

/** Strips colour codes, process prefixes, timestamps and log-level heads; trims the result. */
export function cleanLine(raw: string): string {
  let text = lastSegment(raw).replace(ANSI, '').trim();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = text;
    for (const head of LEADING) text = text.replace(head, '');
    text = text.trimStart();
    if (text === before) break;
  }
  return text.trimEnd();
}
