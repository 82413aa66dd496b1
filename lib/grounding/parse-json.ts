// Grounding as JSON objects in the reply (Qwen2.5-VL's `{"bbox_2d": [...], "label": ...}`, and ERNIE's answers to
// a prompt that asks for JSON): every JSON value in the text — fenced or bare — is read, and each object with a
// box key (4 numbers) or a point key (2 numbers) becomes a shape. Anything unreadable is skipped, never thrown.
import type { GroundingShape } from './types';

export interface JsonKeys {
  box: readonly string[];
  point: readonly string[];
  label: readonly string[];
}

export function parseJsonShapes(text: string, keys: JsonKeys): GroundingShape[] {
  const shapes: GroundingShape[] = [];
  for (const value of jsonValues(text)) collect(value, keys, shapes);
  return shapes;
}

function collect(value: unknown, keys: JsonKeys, out: GroundingShape[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, keys, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  const label = keys.label.map((k) => record[k]).find((v) => typeof v === 'string') as string | undefined;
  const box = numbers(
    keys.box.map((k) => record[k]).find((v) => numbers(v, 4)),
    4,
  );
  if (box) {
    const [x1, y1, x2, y2] = box as [number, number, number, number];
    out.push({ kind: 'box', label: label ?? '', x1, y1, x2, y2 });
    return;
  }
  const point = numbers(
    keys.point.map((k) => record[k]).find((v) => numbers(v, 2)),
    2,
  );
  if (point) {
    out.push({ kind: 'point', label: label ?? '', x: point[0] as number, y: point[1] as number });
    return;
  }
  // Nested answers, e.g. `{"res": [{"text": …, "pos": […]}]}`.
  for (const inner of Object.values(record)) if (typeof inner === 'object') collect(inner, keys, out);
}

function numbers(value: unknown, length: number): number[] | null {
  if (!Array.isArray(value) || value.length !== length) return null;
  return value.every((n) => typeof n === 'number' && Number.isFinite(n)) ? (value as number[]) : null;
}

/** Each top-level JSON array or object in the text, found by bracket matching outside strings. */
function* jsonValues(text: string): Generator<unknown> {
  let i = 0;
  while (i < text.length) {
    const start = text.slice(i).search(/[[{]/);
    if (start < 0) return;
    const from = i + start;
    const end = matchingEnd(text, from);
    if (end < 0) {
      i = from + 1;
      continue;
    }
    try {
      yield JSON.parse(text.slice(from, end + 1));
      i = end + 1;
    } catch {
      i = from + 1;
    }
  }
}

function matchingEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
