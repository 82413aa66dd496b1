import { describe, expect, it } from 'vitest';
import { getLimiter } from './limits';

const limits = { maxRequests: 3, windowMs: 10_000, maxStreams: 1 };

describe('per-key limits', () => {
  it('refuses past the window’s quota with the seconds until the oldest request leaves it', () => {
    const limiter = getLimiter();
    for (const t of [0, 1000, 2000]) expect(limiter.admit('a', limits, false, t).ok).toBe(true);
    expect(limiter.admit('a', limits, false, 2500)).toMatchObject({
      ok: false,
      reason: 'requests',
      retryAfterS: 8,
    });
    expect(limiter.admit('b', limits, false, 2500).ok).toBe(true);
    expect(limiter.admit('a', limits, false, 10_001).ok).toBe(true);
  });

  it('holds a stream slot until released; refusals do not use up the quota', () => {
    const limiter = getLimiter();
    const first = limiter.admit('s', limits, true, 0);
    expect(limiter.admit('s', limits, true, 1)).toMatchObject({ ok: false, reason: 'streams' });
    if (!first.ok) throw new Error('first stream refused');
    first.release();
    first.release();
    expect(limiter.admit('s', limits, true, 2).ok).toBe(true);
    expect(limiter.admit('s', limits, true, 3)).toMatchObject({ ok: false, reason: 'streams' });
  });
});
