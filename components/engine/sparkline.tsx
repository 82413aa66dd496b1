// A small line of the last minutes of one figure; decorative (the number beside it is the reading).
import { sparklinePath } from '@/lib/client/sparkline';

const WIDTH = 100;
const HEIGHT = 24;

export interface SparklineProps {
  values: readonly (number | null)[];
  min?: number;
  max?: number;
  className?: string;
}

export function Sparkline({ values, min, max, className = 'text-primary' }: SparklineProps) {
  const d = sparklinePath(values, { width: WIDTH, height: HEIGHT, min, max, pad: 2 });
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      className={`h-6 w-full ${className}`}
    >
      <line x1="0" x2={WIDTH} y1={HEIGHT - 2} y2={HEIGHT - 2} className="stroke-border" strokeWidth="1" />
      {d && (
        <path
          d={d}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}
