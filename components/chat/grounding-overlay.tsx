'use client';
// Boxes and points a grounding reply put on a picture, labelled, drawn over it as percentages of its size: the
// shapes were computed against the size that was sent, so they land on the same spot at any size shown (a
// thumbnail, the lightbox). The toggle hides them to look at the picture itself.
import type { RelativeShape } from '@/lib/grounding';

const COLORS = ['#ef4444', '#22c55e', '#3b82f6', '#eab308', '#a855f7', '#f97316', '#06b6d4', '#ec4899'];
const pct = (n: number) => `${(n * 100).toFixed(3)}%`;

export interface GroundingOverlayProps {
  shapes: readonly RelativeShape[];
  /** Labels take room: a thumbnail shows the boxes only. */
  showLabels?: boolean;
}

export function GroundingOverlay({ shapes, showLabels = true }: GroundingOverlayProps) {
  const colorOf = colorByLabel(shapes);
  return (
    <div data-testid="grounding-overlay" aria-hidden className="pointer-events-none absolute inset-0">
      {shapes.map((shape, i) => {
        const color = colorOf(shape.label);
        const key = `${shape.kind}-${i}`;
        if (shape.kind === 'point') {
          return (
            <div
              key={key}
              data-testid="grounding-point"
              data-label={shape.label}
              className="absolute size-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white"
              style={{ left: pct(shape.x), top: pct(shape.y), background: color }}
            >
              {showLabels && shape.label && <Label text={shape.label} color={color} />}
            </div>
          );
        }
        return (
          <div
            key={key}
            data-testid="grounding-box"
            data-label={shape.label}
            className="absolute rounded-[2px] border-2"
            style={{
              left: pct(shape.left),
              top: pct(shape.top),
              width: pct(shape.width),
              height: pct(shape.height),
              borderColor: color,
              boxShadow: '0 0 0 1px rgb(0 0 0 / 0.35)',
            }}
          >
            {showLabels && shape.label && <Label text={shape.label} color={color} />}
          </div>
        );
      })}
    </div>
  );
}

function Label({ text, color }: { text: string; color: string }) {
  return (
    <span
      className="absolute -top-5 left-[-2px] max-w-48 truncate rounded-sm px-1 text-[11px] leading-5 font-medium text-white"
      style={{ background: color }}
    >
      {text}
    </span>
  );
}

/** One colour per distinct label, in order of first appearance. */
function colorByLabel(shapes: readonly RelativeShape[]) {
  const labels = [...new Set(shapes.map((s) => s.label))];
  return (label: string) => COLORS[labels.indexOf(label) % COLORS.length] as string;
}

export interface GroundingToggleProps {
  count: number;
  shown: boolean;
  onToggle(): void;
  className?: string;
}

export function GroundingToggle({ count, shown, onToggle, className = '' }: GroundingToggleProps) {
  return (
    <button
      type="button"
      data-testid="grounding-toggle"
      aria-pressed={shown}
      onClick={onToggle}
      className={`rounded-full bg-black/65 px-2 py-0.5 text-[11px] font-medium text-white transition hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-white ${className}`}
    >
      {shown ? `Hide ${count} box${count === 1 ? '' : 'es'}` : `Show ${count} box${count === 1 ? '' : 'es'}`}
    </button>
  );
}
