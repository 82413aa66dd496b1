import 'server-only';
// Per-key limits: requests accepted in a sliding window, and streams open at once. Refused requests do not
// count, so a client that backs off as told by Retry-After gets in. One limiter per process (globalThis).

export interface KeyLimits {
  maxRequests: number;
  windowMs: number;
  maxStreams: number;
}

export type Admission =
  | { ok: true; release: () => void }
  | { ok: false; retryAfterS: number; reason: 'requests' | 'streams' };

class KeyLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly streams = new Map<string, number>();

  admit(id: string, limits: KeyLimits, stream: boolean, now = Date.now()): Admission {
    const recent = (this.hits.get(id) ?? []).filter((t) => t > now - limits.windowMs);
    this.hits.set(id, recent);
    const oldest = recent[0];
    if (recent.length >= limits.maxRequests && oldest !== undefined) {
      return {
        ok: false,
        reason: 'requests',
        retryAfterS: Math.max(1, Math.ceil((oldest + limits.windowMs - now) / 1000)),
      };
    }
    const open = this.streams.get(id) ?? 0;
    if (stream && open >= limits.maxStreams) return { ok: false, reason: 'streams', retryAfterS: 1 };
    recent.push(now);
    if (!stream) return { ok: true, release: () => {} };
    this.streams.set(id, open + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.streams.set(id, (this.streams.get(id) ?? 1) - 1);
      },
    };
  }
}

const KEY = Symbol.for('vlm-console.gateway-limits');

export function getLimiter(): KeyLimiter {
  const holder = globalThis as { [KEY]?: KeyLimiter };
  holder[KEY] ??= new KeyLimiter();
  return holder[KEY];
}
