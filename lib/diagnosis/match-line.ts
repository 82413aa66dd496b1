// Matches one log line against the rule table. Most lines of a 20k-line log match nothing, so a single
// combined regex rejects them before any rule is tried one by one.
import { cleanLine } from '@/lib/engine/vllm-log';
import { DIAGNOSIS_RULES } from './rules';
import type { DiagnosisRule } from './types';

export interface LineMatch {
  rule: DiagnosisRule;
  match: RegExpExecArray;
  /** The cleaned line the rule matched. */
  text: string;
}

/**
 * Case-insensitive union of every rule pattern: a superset test, since a line a case-sensitive pattern matches
 * also matches its case-insensitive copy. Rule patterns therefore must not use back-references.
 */
function buildPrefilter(rules: readonly DiagnosisRule[]): RegExp {
  const sources = rules.flatMap((rule) => rule.patterns.map((pattern) => `(?:${pattern.source})`));
  return new RegExp(sources.join('|'), 'i');
}

const PREFILTER = buildPrefilter(DIAGNOSIS_RULES);

/** Longest look-back any rule's context needs; callers keep this many previous cleaned lines. */
export const CONTEXT_LINES = Math.max(0, ...DIAGNOSIS_RULES.map((rule) => rule.context?.within ?? 0));

function firstMatch(rule: DiagnosisRule, text: string): RegExpExecArray | null {
  for (const pattern of rule.patterns) {
    const found = pattern.exec(text);
    if (found) return found;
  }
  return null;
}

function contextHolds(rule: DiagnosisRule, recent: readonly string[]): boolean {
  if (!rule.context) return true;
  const { pattern, within } = rule.context;
  for (let i = Math.max(0, recent.length - within); i < recent.length; i++) {
    if (pattern.test(recent[i] ?? '')) return true;
  }
  return false;
}

/**
 * Rules that match an already cleaned line, highest priority first. `recent` holds the cleaned lines just
 * before it (oldest first); rules that need context do not fire without it.
 */
export function matchCleanLine(text: string, recent: readonly string[] = []): LineMatch[] {
  if (text === '' || !PREFILTER.test(text)) return [];
  const matches: LineMatch[] = [];
  for (const rule of DIAGNOSIS_RULES) {
    const found = firstMatch(rule, text);
    if (found && contextHolds(rule, recent)) matches.push({ rule, match: found, text });
  }
  return matches.sort((a, b) => b.rule.priority - a.rule.priority);
}

/** Candidate matches for one raw log line (prefixes are stripped here), highest priority first. */
export function matchLine(raw: string, recent: readonly string[] = []): LineMatch[] {
  return matchCleanLine(cleanLine(raw), recent);
}
