// Runs the rule table over every labelled real-world excerpt in tests/fixtures/real/vllm-logs.jsonl (copied
// verbatim from public bug reports; each entry keeps its source).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanLine } from '@/lib/engine/vllm-log';
import { diagnose } from './diagnose';

interface FixtureEntry {
  id: string;
  category: string;
  key_line: string;
  log: string;
}

const FIXTURES = path.resolve(__dirname, '../../tests/fixtures/real/vllm-logs.jsonl');
const entries: FixtureEntry[] = readFileSync(FIXTURES, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as FixtureEntry);

const tally = new Map<string, { hit: number; total: number }>();
let quotedKeyLine = 0;

function squash(text: string): string {
  return cleanLine(text).replace(/\s+/g, ' ');
}

afterAll(() => {
  const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
  const hits = rows.reduce((sum, [, t]) => sum + t.hit, 0);
  const report = rows.map(([category, t]) => `  ${category}: ${t.hit}/${t.total}`).join('\n');
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
    const t = tally.get(entry.category) ?? { hit: 0, total: 0 };
    t.total += 1;
    if (got === entry.category) t.hit += 1;
    tally.set(entry.category, t);
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
  });
});
