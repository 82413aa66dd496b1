import 'server-only';
// Which access-log lines the app's own probes caused. vLLM's (uvicorn's) access line shows only method, path
// and status — no User-Agent — so a probe cannot be recognised by a header. Instead every probe the app sends
// (health, metrics, served model) is noted here by path, and the next access line for that path within a few
// seconds is claimed as the probe's. A request of the same path someone else sent in that window may be
// taken for a probe; one the app did not send is never marked. The download keeps every line either way.
import { ACCESS_LINE_PATTERNS } from '@/lib/engine/access-line';

/** A probe's line comes within milliseconds of its answer; this also covers a slow, loaded engine. */
const CLAIM_WINDOW_MS = 10_000;
/** Bounds the ledger when an engine logs no access lines at all (llama.cpp by default, --disable-…). */
const MAX_PENDING_PER_PATH = 32;

export class ProbeLedger {
  private readonly pending = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The app is about to send a probe to `url` (or a path). Call the returned function when the probe got no
   * HTTP answer (refused, timed out): no access line will come for it.
   */
  expect(url: string): () => void {
    const path = url.startsWith('/') ? url : new URL(url).pathname;
    const times = this.pending.get(path) ?? [];
    const at = this.now();
    times.push(at);
    if (times.length > MAX_PENDING_PER_PATH) times.shift();
    this.pending.set(path, times);
    return () => {
      const index = times.indexOf(at);
      if (index >= 0) times.splice(index, 1);
    };
  }

  /** True when `text` is an access line answering a probe the app sent, which it then uses up. */
  claim(text: string): boolean {
    const path = accessPath(text);
    if (!path) return false;
    const times = this.pending.get(path);
    if (!times) return false;
    const oldest = this.now() - CLAIM_WINDOW_MS;
    while (times.length > 0 && (times[0] ?? 0) < oldest) times.shift();
    if (times.length === 0) return false;
    times.shift();
    return true;
  }
}

function accessPath(text: string): string | null {
  for (const pattern of ACCESS_LINE_PATTERNS) {
    const found = pattern.exec(text);
    if (found?.[1]) return found[1];
  }
  return null;
}

// One ledger per process, shared by the probes and the log store; kept on globalThis so a dev hot reload
// does not split it in two.
const holder = globalThis as { vlmProbeLedger?: ProbeLedger };
export const probeLedger: ProbeLedger = holder.vlmProbeLedger ?? new ProbeLedger();
holder.vlmProbeLedger = probeLedger;
