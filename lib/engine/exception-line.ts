// Picks the line that best says why a launch died: the first real exception, not vLLM's wrapper
// ("Engine core initialization failed. See root cause above") that follows every engine-core failure.
import { isWrapperError, parseLogHead, stripProcessPrefix } from './vllm-log';

const EXCEPTION = /^(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt)(?::|$)/;

/** The line without its process prefix and, on error lines, without vLLM's logger head. */
function messageOf(raw: string): string {
  const line = stripProcessPrefix(raw.trim()).trimStart();
  const head = parseLogHead(line);
  return head && (head.level === 'ERROR' || head.level === 'CRITICAL') ? head.message.trimStart() : line;
}

/** Returns the first exception line (prefix stripped) that is not a known wrapper, else the first wrapper. */
export function firstExceptionLine(lines: readonly string[]): string | null {
  let wrapper: string | null = null;
  for (const raw of lines) {
    const line = messageOf(raw);
    if (!EXCEPTION.test(line)) continue;
    if (isWrapperError(line)) {
      wrapper ??= line;
      continue;
    }
    return line;
  }
  return wrapper;
}
