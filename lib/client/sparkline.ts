// Path maths for the small inline SVG sparklines: values spread evenly across the width, scaled into the
// height (top = highest). A null value breaks the line. Pure.

export interface SparklineBox {
  width: number;
  height: number;
  /** Lower and upper bound of the scale; by default the values' own range (with 0 as the floor). */
  min?: number;
  max?: number;
  /** Space kept above and below the line so the stroke is not clipped. */
  pad?: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The y of a value in the box. A flat series sits on the floor. */
export function scaleY(value: number, min: number, max: number, height: number, pad: number): number {
  const span = max - min;
  const share = span > 0 ? (value - min) / span : 0;
  return round(height - pad - Math.min(1, Math.max(0, share)) * (height - 2 * pad));
}

/** An SVG path `d` for the values; empty when there are none. */
export function sparklinePath(values: readonly (number | null)[], box: SparklineBox): string {
  const { width, height, pad = 1 } = box;
  const numbers = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (numbers.length === 0) return '';
  const min = box.min ?? Math.min(0, ...numbers);
  const max = box.max ?? Math.max(...numbers);
  if (values.length === 1) {
    const y = scaleY(numbers[0] ?? 0, min, max, height, pad);
    return `M0,${y}L${round(width)},${y}`;
  }
  const step = width / (values.length - 1);
  let d = '';
  let isDrawing = false;
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      isDrawing = false;
      return;
    }
    d += `${isDrawing ? 'L' : 'M'}${round(i * step)},${scaleY(value, min, max, height, pad)}`;
    isDrawing = true;
  });
  return d;
}
