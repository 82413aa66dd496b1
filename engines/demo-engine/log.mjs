// Log formatting and output for the demo engine.
//
// Everything the engine prints goes through here so that the wording and the streams match vLLM:
// vLLM's logger writes to stdout, tqdm bars and uncaught tracebacks to stderr, uvicorn's own lines to
// stderr and uvicorn access lines to stdout. Lines are plain text; colour is never emitted (so NO_COLOR
// needs no special handling).

/** @typedef {'stdout' | 'stderr'} StreamName */
/** @typedef {{ stream: StreamName, text: string }} Out  A piece of output; `text` carries its own newlines. */

const pad2 = (/** @type {number} */ n) => String(n).padStart(2, '0');

/** vLLM's `%(asctime)s` format: `MM-DD HH:MM:SS` in local time. */
export function stamp(date = new Date()) {
  const day = `${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return `${day} ${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

/**
 * One vLLM logger record: `(APIServer pid=1) INFO 11-27 13:05:01 [file.py:123] message`.
 * vLLM's formatter repeats the header on every line of a multi-line message (tracebacks included).
 * @param {string} prefix process prefix such as `(APIServer pid=1)`
 * @param {'DEBUG' | 'INFO' | 'WARNING' | 'ERROR'} level
 * @param {string} source `file.py:line`
 * @param {string} message
 * @returns {Out}
 */
export function record(prefix, level, source, message) {
  const head = `${prefix} ${level} ${stamp()} [${source}] `;
  const text = message
    .split('\n')
    .map((line) => head + line)
    .join('\n');
  return { stream: 'stdout', text: `${text}\n` };
}

/**
 * Lines written straight to a stream (not through the logger); vLLM still prefixes each with the process tag.
 * @param {StreamName} stream
 * @param {string} prefix
 * @param {string[]} lines
 * @returns {Out}
 */
export function raw(stream, prefix, lines) {
  return { stream, text: `${lines.map((line) => (prefix ? `${prefix} ${line}` : line)).join('\n')}\n` };
}

/**
 * A uvicorn line (`INFO:     Started server process [42]`); uvicorn pads the level to a fixed width.
 * @param {string} prefix
 * @param {'INFO' | 'WARNING' | 'ERROR'} level
 * @param {string} message
 * @param {StreamName} [stream] uvicorn's own messages go to stderr, access lines to stdout
 * @returns {Out}
 */
export function uvicorn(prefix, level, message, stream = 'stderr') {
  return { stream, text: `${prefix} ${`${level}:`.padEnd(9)} ${message}\n` };
}

/** @param {Out | Out[]} outs */
export function emit(outs) {
  for (const out of Array.isArray(outs) ? outs : [outs]) {
    (out.stream === 'stderr' ? process.stderr : process.stdout).write(out.text);
  }
}

/**
 * Python's `repr()` for the plain values that appear in vLLM log lines (`non-default args: {...}`).
 * @param {unknown} value
 * @returns {string}
 */
export function pyRepr(value) {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  const entries = Object.entries(/** @type {object} */ (value));
  return `{${entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/**
 * Python's `json.dumps()` with its default separators (`", "` and `": "`); vLLM's mid-stream error chunk is
 * serialised this way, unlike the compact pydantic chunks.
 * @param {unknown} value
 * @returns {string}
 */
export function pyJson(value) {
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pyJson(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** @typedef {[file: string, line: number, fn: string, code: string]} Frame */

/**
 * A Python traceback block. `exception` may span lines (the message continues below the type line).
 * @param {Frame[]} frames outermost first
 * @param {string} exception e.g. `ValueError: something`
 * @returns {string[]}
 */
export function traceback(frames, exception) {
  const lines = ['Traceback (most recent call last):'];
  for (const [file, line, fn, code] of frames) {
    lines.push(`  File "${file}", line ${line}, in ${fn}`);
    if (code) lines.push(`    ${code}`);
  }
  return [...lines, ...exception.split('\n')];
}

/**
 * Chained tracebacks, oldest cause first, joined like Python does for `raise ... from ...`.
 * @param {string[][]} blocks
 */
export function chained(blocks) {
  return blocks.flatMap((block, i) =>
    i === 0
      ? block
      : ['', 'The above exception was the direct cause of the following exception:', '', ...block],
  );
}

/** `12345` → `12,345`, as vLLM prints token counts. */
export const thousands = (/** @type {number} */ n) => n.toLocaleString('en-US');
