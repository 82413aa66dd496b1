// Picks the line that best says why a launch died: the first real exception, not vLLM's wrapper
// ("Engine core initialization failed. See root cause above") that follows every engine-core failure.
const PREFIX = /^(?:\([\w.-]+(?: rank=\d+)? pid=\d+(?:, ip=[\d.]+)?\)\s*)?(?:[\w-]+\s+\|\s+)?/;
const EXCEPTION = /^(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt)(?::|$)/;
const WRAPPERS = [
  /Engine core initialization failed/,
  /EngineCore failed to start/,
  /^RuntimeError: Engine process failed to start/,
];

export function stripProcessPrefix(line: string): string {
  return line.replace(PREFIX, '');
}

/** Returns the first exception line (prefix stripped) that is not a known wrapper, else the first wrapper. */
export function firstExceptionLine(lines: readonly string[]): string | null {
  let wrapper: string | null = null;
  for (const raw of lines) {
    const line = stripProcessPrefix(raw.trim()).replace(
      /^(?:ERROR|CRITICAL)\s+\S+\s+\S+\s+\[[^\]]+\]\s*/,
      '',
    );
    if (!EXCEPTION.test(line)) continue;
    if (WRAPPERS.some((w) => w.test(line))) {
      wrapper ??= line;
      continue;
    }
    return line;
  }
  return wrapper;
}
