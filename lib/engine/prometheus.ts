// A parser for the Prometheus text exposition format (0.0.4, and the OpenMetrics lines prometheus_client may
// add): `# HELP` / `# TYPE` comments, samples with escaped label values, +Inf/NaN, optional timestamps and
// exemplars. Pure; it knows nothing about vLLM (lib/engine/engine-metrics.ts reads the series).

export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface PromText {
  samples: PromSample[];
  /** Declared family types by family name: counter, gauge, histogram, summary, untyped. */
  types: Record<string, string>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

function parseValue(text: string): number | null {
  switch (text) {
    case '+Inf':
    case 'Inf':
      return Number.POSITIVE_INFINITY;
    case '-Inf':
      return Number.NEGATIVE_INFINITY;
    case 'NaN':
      return Number.NaN;
  }
  if (text === '' || !/^[-+0-9.eE]+$/.test(text)) return null;
  const value = Number(text);
  return Number.isNaN(value) ? null : value;
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', n: '\n' };

/** Reads `{a="x",b="y\"z"}` starting at `start` (the `{`); returns the labels and the index after `}`. */
function parseLabels(line: string, start: number): { labels: Record<string, string>; end: number } | null {
  const labels: Record<string, string> = {};
  let i = start + 1;
  for (;;) {
    while (line[i] === ' ' || line[i] === ',') i++;
    if (line[i] === '}') return { labels, end: i + 1 };
    const name = NAME.exec(line.slice(i))?.[0];
    if (!name) return null;
    i += name.length;
    while (line[i] === ' ') i++;
    if (line[i] !== '=') return null;
    i++;
    while (line[i] === ' ') i++;
    if (line[i] !== '"') return null;
    i++;
    let value = '';
    while (i < line.length && line[i] !== '"') {
      if (line[i] === '\\' && i + 1 < line.length) {
        const next = line[i + 1] ?? '';
        value += ESCAPES[next] ?? `\\${next}`;
        i += 2;
      } else {
        value += line[i];
        i++;
      }
    }
    if (line[i] !== '"') return null;
    labels[name] = value;
    i++;
  }
}

function parseSample(line: string): PromSample | null {
  const name = NAME.exec(line)?.[0];
  if (!name) return null;
  let labels: Record<string, string> = {};
  let rest = line.slice(name.length).trimStart();
  if (rest.startsWith('{')) {
    const parsed = parseLabels(rest, 0);
    if (!parsed) return null;
    labels = parsed.labels;
    rest = rest.slice(parsed.end);
  }
  // `value [timestamp] [# exemplar]`: the value is the first field.
  const value = parseValue(rest.trim().split(/\s+/)[0] ?? '');
  return value === null ? null : { name, labels, value };
}

export function parsePrometheus(text: string): PromText {
  const samples: PromSample[] = [];
  const types: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      const type = /^#\s*TYPE\s+(\S+)\s+(\S+)/.exec(line);
      if (type?.[1] && type[2]) types[type[1]] = type[2];
      continue;
    }
    // A malformed line is skipped rather than failing the whole scrape: one odd series should not blank the panel.
    const sample = parseSample(line);
    if (sample) samples.push(sample);
  }
  return { samples, types };
}
