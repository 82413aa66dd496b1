import 'server-only';
// Readiness and health of one launch. While starting: probe often (a refused connection means "still
// loading"); once ready: probe every interval, and call the engine unhealthy on a 503 (vLLM's answer when
// its engine core is dead) or after three failed probes in a row.
import type { EngineHealth } from '@/lib/engine/types';
import { fetchServedModel, probeHealth, type ServedModel } from './probe';

const READY_POLL_MS = 200;
const FAILURES_BEFORE_UNHEALTHY = 3;

export interface HealthMonitorOptions {
  healthUrl: string;
  apiKey: string | null;
  intervalMs: number;
  onChange(health: EngineHealth): void;
}

export class HealthMonitor {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private failures = 0;
  private last: EngineHealth | null = null;

  constructor(private readonly opts: HealthMonitorOptions) {}

  /** Resolves true on the first 200, false once `stillStarting` says to give up. */
  async waitUntilReady(stillStarting: () => boolean): Promise<boolean> {
    while (!this.stopped && stillStarting()) {
      const result = await probeHealth(this.opts.healthUrl, this.opts.apiKey, 2000);
      if (result.ok) {
        this.record({
          ok: true,
          httpStatus: result.httpStatus,
          latencyMs: result.latencyMs,
          checkedAt: result.checkedAt,
        });
        return true;
      }
      await new Promise((r) => setTimeout(r, READY_POLL_MS));
    }
    return false;
  }

  servedModel(baseUrl: string, preferred?: string): Promise<ServedModel | { error: string }> {
    return fetchServedModel(baseUrl, this.opts.apiKey, preferred);
  }

  startInterval(): void {
    if (this.stopped || this.timer) return;
    this.timer = setInterval(() => void this.probeNow(), this.opts.intervalMs);
    this.timer.unref();
  }

  async probeNow(): Promise<EngineHealth> {
    const result = await probeHealth(this.opts.healthUrl, this.opts.apiKey, 5000);
    this.failures = result.ok ? 0 : this.failures + 1;
    const ok = result.ok || (result.httpStatus !== 503 && this.failures < FAILURES_BEFORE_UNHEALTHY);
    const health: EngineHealth = {
      ok,
      httpStatus: result.httpStatus,
      latencyMs: result.latencyMs,
      checkedAt: result.checkedAt,
      failures: this.failures,
    };
    if (!this.stopped) this.record(health);
    return health;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private record(health: EngineHealth): void {
    const changed = !this.last || this.last.ok !== health.ok || this.last.httpStatus !== health.httpStatus;
    this.last = health;
    // Every probe refreshes checkedAt; only a change is worth a status event to every client.
    if (changed) this.opts.onChange(health);
  }
}
