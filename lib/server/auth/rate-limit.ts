import 'server-only';
// Sign-in attempts per client address: after too many failures in a window, refuse until it ends.

export interface RateLimitConfig {
  maxFailures: number;
  windowMs: number;
}

interface Entry {
  failures: number;
  windowStart: number;
}

const KEY = Symbol.for('vlm-console.sign-in-failures');

function entries(): Map<string, Entry> {
  const holder = globalThis as { [KEY]?: Map<string, Entry> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Seconds until this address may try again, or 0 when it may try now. */
export function retryAfterSeconds(address: string, config: RateLimitConfig, now = Date.now()): number {
  const entry = entries().get(address);
  if (!entry) return 0;
  const end = entry.windowStart + config.windowMs;
  if (now >= end) {
    entries().delete(address);
    return 0;
  }
  return entry.failures >= config.maxFailures ? Math.ceil((end - now) / 1000) : 0;
}

export function recordFailure(address: string, config: RateLimitConfig, now = Date.now()): void {
  const map = entries();
  const entry = map.get(address);
  if (!entry || now >= entry.windowStart + config.windowMs)
    map.set(address, { failures: 1, windowStart: now });
  else entry.failures += 1;
  // Bounded: a flood of addresses must not grow memory without end.
  if (map.size > 10_000) {
    for (const [key, value] of map) if (now >= value.windowStart + config.windowMs) map.delete(key);
  }
}

export function recordSuccess(address: string): void {
  entries().delete(address);
}
