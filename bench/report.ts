// Collects benchmark rows and prints them as one table at the end (and keeps them as JSON).
import fs from 'node:fs';
import path from 'node:path';

export interface BenchRow {
  scenario: string;
  metric: string;
  value: string;
  target: string;
  ok: boolean | null;
}

const FILE = path.resolve(__dirname, '../test-results/bench.json');

export function record(rows: BenchRow[]): void {
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  const previous: BenchRow[] = fs.existsSync(FILE) ? JSON.parse(fs.readFileSync(FILE, 'utf8')) : [];
  fs.writeFileSync(FILE, JSON.stringify([...previous, ...rows], null, 2));
}

export function resetReport(): void {
  fs.rmSync(FILE, { force: true });
}

export function printReport(): void {
  const rows: BenchRow[] = fs.existsSync(FILE) ? JSON.parse(fs.readFileSync(FILE, 'utf8')) : [];
  const widths = [28, 34, 16, 16, 6];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' | ');
  const out = [line(['scenario', 'metric', 'value', 'target', 'ok'])];
  out.push(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows)
    out.push(line([r.scenario, r.metric, r.value, r.target, r.ok === null ? '' : r.ok ? 'yes' : 'NO']));
  process.stdout.write(`\n${out.join('\n')}\n\n`);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
