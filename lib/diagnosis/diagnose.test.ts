// Runs the rule table over every labelled real-world excerpt in tests/fixtures/real/ (vllm-logs.jsonl, the
// first set, and engine-logs-2026.jsonl: newer vLLM, llama.cpp and SGLang), copied verbatim from public bug
// reports; each entry keeps its source. The engine is guessed from each log's wording, as for a paste.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanLine } from '@/lib/engine/vllm-log';
import { diagnose } from './diagnose';

interface FixtureEntry {
  id: string;
  /** Absent in the first set, which is all vLLM. */
  engine?: string;
  category: string;
  key_line: string;
  log: string;
}

const FIXTURE_FILES = ['vllm-logs.jsonl', 'engine-logs-2026.jsonl'];
const entries: FixtureEntry[] = FIXTURE_FILES.flatMap((file) =>
  readFileSync(path.resolve(__dirname, '../../tests/fixtures/real', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureEntry),
);

const tally = new Map<string, { hit: number; total: number }>();
let quotedKeyLine = 0;

function squash(text: string): string {
  return cleanLine(text).replace(/\s+/g, ' ');
}

afterAll(() => {
  const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
  const hits = rows.reduce((sum, [, t]) => sum + t.hit, 0);
  const report = rows.map(([key, t]) => `  ${key.padEnd(40)} ${t.hit}/${t.total}`).join('\n');
  console.info(
    `diagnosis hit rate: ${hits}/${entries.length}; key line quoted in ${quotedKeyLine}/${entries.length}\n${report}`,
  );
});

describe('diagnose over the labelled fixture excerpts', () => {
  it('has excerpts to run', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each(entries.map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
    const result = diagnose(entry.log);
    const got = result?.category ?? 'success';
    const engine = entry.engine ?? 'vllm';
    const key = `${entry.category} (${engine})`;
    const t = tally.get(key) ?? { hit: 0, total: 0 };
    t.total += 1;
    if (got === entry.category) t.hit += 1;
    tally.set(key, t);
    if (result) {
      const key = squash(entry.key_line);
      const quoted = squash(result.line.text);
      if (key.includes(quoted) || quoted.includes(key)) quotedKeyLine += 1;
      // The index must point at the quoted line of the input.
      const rawLine = entry.log.split('\n')[result.line.index] ?? '';
      expect(squash(rawLine)).toContain(squash(result.line.text).slice(0, 40));
    } else if (entry.category === 'success') {
      quotedKeyLine += 1;
    }
    expect(got).toBe(entry.category);
    // The engine guessed from the wording is the one that wrote the log, so the fix is that engine's.
    if (result) expect(result.engine).toBe(engine);
  });
});
