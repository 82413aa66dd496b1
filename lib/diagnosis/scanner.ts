// Incremental diagnosis: feed log lines one at a time (each is cleaned and matched once) and ask for the best
// diagnosis so far at any moment. The best rule is the highest-priority match anywhere in the log, so vLLM's
// "Engine core initialization failed" wrapper, which ranks lowest, never hides the root cause printed above it;
// and when no rule knows that root cause, the answer is `unknown` quoting it, not the wrapper.
// Each engine has its own rules, so the best match is kept per engine and the log's engine picks one at the end.
import { cleanLine, isWrapperError } from '@/lib/engine/vllm-log';
import { EngineGuess } from './engine-guess';
import { CONTEXT_LINES, type LineMatch, matchCleanLine } from './match-line';
import {
  type DiagnoseOptions,
  type Diagnosis,
  type DiagnosisLine,
  type DiagnosisPhase,
  type DiagnosisRule,
  ENGINE_FAMILIES,
  type EngineFamily,
} from './types';
import { ruleEngines, unknownDiagnosis, withEngineName } from './unknown';

const TRACEBACK = /^Traceback \(most recent call last\)/;
const EXCEPTION_LINE = /^(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception)(?::|$)/;
// pydantic puts the readable message on the line after `ValidationError: 1 validation error for X`.
const SUMMARY_ONLY = /ValidationError: \d+ validation errors? for|(?:Error|Exception):$/;
// The server came up: vLLM and SGLang (uvicorn), llama.cpp's main loop.
const READY =
  /Application startup complete|Uvicorn running on|Starting vLLM (?:API )?server(?: \d+)? on|server is listening on \S+ - starting the main loop|The server is fired up and ready to roll/i;
// Source lines echoed by tracebacks (`raise ValueError("...` and its continuation strings).
const SOURCE_LINE = /^(?:raise\s|File\s"|f?["'])/;
const FRAME = /^File "[^"]+", line \d+, in \S+/;

interface Candidate {
  found: LineMatch;
  line: DiagnosisLine;
  quality: number;
}

export interface DiagnosisScanner {
  /**
   * Adds the next log line; `seq` is carried into the result so the caller can find the line again. `index`
   * overrides the running line count (a caller that joined several input lines into one passes the first).
   */
  push(text: string, seq?: number, index?: number): void;
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
function beats(next: Candidate, best: Candidate | undefined): boolean {
  if (best === undefined) return true;
  const delta = next.found.rule.priority - best.found.rule.priority;
  if (delta !== 0) return delta > 0;
  return next.quality > best.quality;
}

function toDiagnosis(best: Candidate, engine: EngineFamily): Diagnosis {
  const { rule, match, text } = best.found;
  const patch = rule.patch?.(match, text) ?? undefined;
  return {
    ruleId: rule.id,
    category: rule.category,
    phase: rule.phase,
    severity: rule.severity,
    title: withEngineName(rule.title, engine),
    explanation: withEngineName(rule.explanation, engine),
    fix: withEngineName(rule.fix, engine),
    line: { ...best.line },
    ...(patch ? { patch } : {}),
  };
}

class Scanner implements DiagnosisScanner {
  private readonly recent: string[] = [];
  private readonly guess = new EngineGuess();
  private index = 0;
  private best = new Map<EngineFamily, Candidate>();
  private sawTraceback = false;
  private lastFrame: string | null = null;
  // The first exception after a traceback that no rule explains: the unknown fallback.
  private root: DiagnosisLine | null = null;
  private rootFrame: string | null = null;
  private rootNeedsDetail = false;

  constructor(
    private readonly phase: DiagnosisPhase | 'any',
    private readonly engine: EngineFamily | undefined,
  ) {}

  push(raw: string, seq?: number, index?: number): void {
    if (this.engine === undefined) this.guess.push(raw);
    const text = cleanLine(raw);
    if (index !== undefined) this.index = index;
    const line: DiagnosisLine =
      seq === undefined ? { index: this.index, text } : { index: this.index, text, seq };
    this.index += 1;
    const all = matchCleanLine(text, this.recent);
    const matches = all.filter((m) => allowed(m.rule, this.phase));
    for (const engine of ENGINE_FAMILIES) {
      const found = matches.find((m) => ruleEngines(m.rule).includes(engine));
      if (!found) continue;
      const candidate = { found, line, quality: quality(text) };
      if (beats(candidate, this.best.get(engine))) this.best.set(engine, candidate);
    }
    this.track(line, all.length > 0);
    if (CONTEXT_LINES > 0) {
      this.recent.push(text);
      if (this.recent.length > CONTEXT_LINES) this.recent.shift();
    }
  }

  result(): Diagnosis | null {
    const engine = this.engine ?? this.guess.result();
    const tag = { engine, ...(this.engine === undefined ? { engineGuessed: true } : {}) };
    const best = this.best.get(engine);
    // A wrapper says only that the engine died: a root exception above it, even an unknown one, says why.
    if (best && !(best.found.rule.quoteRootCause && this.root))
      return { ...toDiagnosis(best, engine), ...tag };
    if (!this.root) return null;
    const phase = this.phase === 'request' ? 'request' : 'launch';
    return { ...unknownDiagnosis(engine, phase, this.root, this.rootFrame), ...tag };
  }

  /** Follows tracebacks to find the root exception, and forgets everything once the server comes up. */
  private track(line: DiagnosisLine, matched: boolean): void {
    const { text } = line;
    if (READY.test(text)) {
      // The server came up after everything seen so far, so none of it was fatal: a healthy log answers null.
      this.best.clear();
      this.sawTraceback = false;
      this.root = null;
      this.rootFrame = null;
      return;
    }
    if (TRACEBACK.test(text)) {
      this.sawTraceback = true;
      return;
    }
    if (FRAME.test(text)) {
      this.lastFrame = text;
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
    this.rootFrame = this.lastFrame;
    this.rootNeedsDetail = SUMMARY_ONLY.test(text);
  }
}

/** A fresh scanner; `phase` limits which rules may answer (default: all), `engine` whose rules (default: guessed). */
export function createDiagnosisScanner(options: DiagnoseOptions = {}): DiagnosisScanner {
  return new Scanner(options.phase ?? 'any', options.engine);
}
