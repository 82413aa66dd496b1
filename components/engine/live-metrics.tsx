// Live figures of a ready engine with a sparkline each: requests running and waiting, KV-cache usage and
// generation tokens/s over the last minutes.
import { latestRate, type MetricsSample, tokenRates } from '@/lib/client/engine-rates';
import type { EngineMetrics } from '@/lib/engine/engine-metrics';
import { Sparkline } from './sparkline';

export interface LiveMetricsProps {
  metrics: EngineMetrics | null;
  samples: MetricsSample[];
}

const number = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined ? '–' : n.toLocaleString('en', { maximumFractionDigits: digits });

export function LiveMetrics({ metrics, samples }: LiveMetricsProps) {
  if (!metrics) return <p className="text-xs text-muted-foreground">Reading the engine's metrics…</p>;
  if (!metrics.available)
    return (
      <p data-testid="metrics-unavailable" className="text-xs text-muted-foreground">
        No live figures: {metrics.reason}
      </p>
    );
  // Idle is 0 tokens/s, also before a second sample gives a rate (the chat's stats say 0 too, not "–").
  const rate = latestRate(samples) ?? (metrics.requestsRunning === 0 ? 0 : null);
  return (
    <dl data-testid="live-metrics" className="grid grid-cols-2 gap-2">
      <Figure
        label="Running"
        value={number(metrics.requestsRunning)}
        series={samples.map((s) => s.requestsRunning)}
      />
      <Figure
        label="Waiting"
        value={number(metrics.requestsWaiting)}
        series={samples.map((s) => s.requestsWaiting)}
      />
      <Figure
        label="KV cache"
        value={metrics.kvCacheUsage === null ? '–' : `${Math.round(metrics.kvCacheUsage * 100)} %`}
        series={samples.map((s) => s.kvCacheUsage)}
        min={0}
        max={1}
      />
      <Figure label="Tokens/s" value={rate === null ? '–' : number(rate, 1)} series={tokenRates(samples)} />
    </dl>
  );
}

interface FigureProps {
  label: string;
  value: string;
  series: (number | null)[];
  min?: number;
  max?: number;
}

function Figure({ label, value, series, min, max }: FigureProps) {
  return (
    <div className="grid grid-cols-[1fr_auto] items-baseline gap-x-2 gap-y-1 rounded-md bg-muted/50 px-2.5 py-2">
      <dt className="text-[11px] text-muted-foreground">{label}</dt>
      <dd
        className="font-mono text-sm tabular-nums"
        data-testid={`metric-${label.toLowerCase().replace(/\W+/g, '-')}`}
      >
        {value}
      </dd>
      <dd className="col-span-2">
        <Sparkline values={series} min={min} max={max} />
      </dd>
    </div>
  );
}
