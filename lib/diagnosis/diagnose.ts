// One-shot entry points over a whole log: a pasted text or the supervisor's line buffer.
import { createDiagnosisScanner } from './scanner';
import type { DiagnoseOptions, Diagnosis, LogLineInput } from './types';
import { joinWrappedLines } from './wrapped-lines';

/**
 * Explains why a launch or a request failed, or returns null when the log shows no failure. `line.index` counts
 * the lines of `text` split on `\n`, from 0. Lines a terminal hard-wrapped are joined first (a paste).
 */
export function diagnose(text: string, options?: DiagnoseOptions): Diagnosis | null {
  const scanner = createDiagnosisScanner(options);
  for (const line of joinWrappedLines(text.split('\n'))) scanner.push(line.text, undefined, line.index);
  return scanner.result();
}

/** Same as `diagnose` over lines the caller already holds; each line's `seq` is returned with the quote. */
export function diagnoseLines(
  lines: Iterable<LogLineInput | string>,
  options?: DiagnoseOptions,
): Diagnosis | null {
  const scanner = createDiagnosisScanner(options);
  for (const line of lines) {
    if (typeof line === 'string') scanner.push(line);
    else scanner.push(line.text, line.seq);
  }
  return scanner.result();
}
