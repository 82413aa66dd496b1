import 'server-only';
// How many bytes of large request bodies the process holds at once. A body that does not fit is refused
// rather than queued: the client retries, and memory stays bounded. One body alone always fits, whatever
// its size (its own cap is checked elsewhere), so a budget below the largest cap cannot lock a route out.

/** Bodies up to this size do not count: small requests must never wait behind big uploads. */
export const LARGE_BODY_BYTES = 1_000_000;

export class BodyBudget {
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get inUse(): number {
    return this.used;
  }

  take(bytes: number): boolean {
    if (this.used > 0 && this.used + bytes > this.maxBytes) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}
