// Incremental diagnosis: feed log lines one at a time (each is cleaned and matched once) and ask for the best
// diagnosis so far at any moment. The best rule is the highest-priority match anywhere in the log, so vLLM's
// "Engine core initialization failed" wrapper, which ranks lowest, never hides the root cause printed above it.
import { cleanLine, isWrapperError } from '@/lib/engine/vllm-log';
import { CONTEXT_LINES, type LineMatch, matchCleanLine } from './match-line';
import type { DiagnoseOptions, Diagnosis, DiagnosisLine, DiagnosisPhase, DiagnosisRule } from './types';

const TRACEBACK = /^Traceback \(most recent call last\)/;
const EXCEPTION_LINE = /^(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception)(?::|$)/;
// pydantic puts the readable message on the line after `ValidationError: 1 validation error for X`.
const SUMMARY_ONLY = /ValidationError: \d+ validation errors? for|(?:Error|Exception):$/;
const READY = /Application startup complete|Uvicorn running on|Starting vLLM (?:API )?server(?: \d+)? on/i;
// Source lines echoed by tracebacks (`raise ValueError("...` and its continuation strings).
const SOURCE_LINE = /^(?:raise\s|File\s"|f?["'])/;

const UNKNOWN = {
  ruleId: 'unknown',
  category: 'unknown',
  severity: 'error',
  title: 'vLLM stopped with an error this app does not recognise',
  explanation:
    'No known failure pattern matched. The quoted line is the first error vLLM reported; the lines around it ' +
    'in the log usually say what went wrong.',
  fix:
    'Read the quoted error and the lines above it. Searching for the quoted message in the vLLM issue tracker ' +
    'often finds the fix.',
} as const;

interface Candidate {
  found: LineMatch;
  line: DiagnosisLine;
  quality: number;
}

export interface DiagnosisScanner {
  /** Adds the next log line; `seq` is carried into the result so the caller can find the line again. */
  push(text: string, seq?: number): void;
  /** The best diagnosis for the lines pushed so far, or null when nothing points at a failure. */
  result(): Diagnosis | null;
}

function allowed(rule: DiagnosisRule, phase: DiagnosisPhase | 'any'): boolean {
  return phase === 'any' || rule.phase === phase;
}

/** How well a line reads as a quote: an exception line beats a plain message, which beats echoed source. */
function quality(text: string): number {
  if (SOURCE_LINE.test(text)) return 0;
  return EXCEPTION_LINE.test(text) ? 2 : 1;
}

/** Higher priority wins; on a tie the better quote wins, then the earlier line. */
function beats(next: Candidate, best: Candidate | null): boolean {
  if (best === null) return true;
  const delta = next.found.rule.priority - best.found.rule.priority;
  if (delta !== 0) return delta > 0;
  return next.quality > best.quality;
}

function toDiagnosis(best: Candidate, root: DiagnosisLine | null): Diagnosis {
  const { rule, match, text } = best.found;
  const patch = rule.patch?.(match, text) ?? undefined;
  const line = rule.quoteRootCause && root ? root : best.line;
  return {
    ruleId: rule.id,
    category: rule.category,
    phase: rule.phase,
    severity: rule.severity,
    title: rule.title,
    explanation: rule.explanation,
    fix: rule.fix,
    line: { ...line },
    ...(patch ? { patch } : {}),
  };
}

class Scanner implements DiagnosisScanner {
  private readonly recent: string[] = [];
  private index = 0;
  private best: Candidate | null = null;
  private sawTraceback = false;
  // The first exception after a traceback that no rule explains: the unknown fallback and the wrapper's quote.
  private root: DiagnosisLine | null = null;
  private rootNeedsDetail = false;

  constructor(private readonly phase: DiagnosisPhase | 'any') {}

  push(raw: string, seq?: number): void {
    const text = cleanLine(raw);
    const line: DiagnosisLine =
      seq === undefined ? { index: this.index, text } : { index: this.index, text, seq };
    this.index += 1;
    const matches = matchCleanLine(text, this.recent);
    const found = matches.find((m) => allowed(m.rule, this.phase));
    if (found) {
      const candidate = { found, line, quality: quality(text) };
      if (beats(candidate, this.best)) this.best = candidate;
    }
    this.track(line, matches.length > 0);
    if (CONTEXT_LINES > 0) {
      this.recent.push(text);
      if (this.recent.length > CONTEXT_LINES) this.recent.shift();
    }
  }

  result(): Diagnosis | null {
    if (this.best) return toDiagnosis(this.best, this.root);
    if (!this.root) return null;
    return { ...UNKNOWN, phase: this.phase === 'request' ? 'request' : 'launch', line: { ...this.root } };
  }

  /** Follows tracebacks to find the root exception, and forgets everything once the server comes up. */
  private track(line: DiagnosisLine, matched: boolean): void {
    const { text } = line;
    if (READY.test(text)) {
      // The server came up after everything seen so far, so none of it was fatal: a healthy log answers null.
      this.best = null;
      this.sawTraceback = false;
      this.root = null;
      return;
    }
    if (TRACEBACK.test(text)) {
      this.sawTraceback = true;
      return;
    }
    if (this.root && this.rootNeedsDetail) {
      if (text === '') return;
      this.rootNeedsDetail = false;
      if (!matched) this.root = { ...this.root, text: `${this.root.text} ${text}` };
      return;
    }
    if (this.root || !this.sawTraceback || matched || !EXCEPTION_LINE.test(text)) return;
    if (isWrapperError(text)) return;
    this.root = line;
    this.rootNeedsDetail = SUMMARY_ONLY.test(text);
  }
}

/** A fresh scanner; `phase` limits which rules may answer (default: all). */
export function createDiagnosisScanner(options: DiagnoseOptions = {}): DiagnosisScanner {
  return new Scanner(options.phase ?? 'any');
}
