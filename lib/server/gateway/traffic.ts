import 'server-only';
// What the gateway is doing, for the console: requests running, tokens per caller since the app started,
// the last errors. It also ends the requests of a key that was revoked or expired: a sweep while requests
// run checks each key against the store, so a stream stops within a second of DELETE /api/keys/<id>.
import type { GatewayCaller, GatewayErrorEntry, GatewayTraffic } from '@/lib/gateway/types';
import { getKeyStore } from '../auth/api-keys';

/** Who called: an API key, the access token, or a signed-in browser. */
export interface Caller {
  /** Key id, or `token` / `session`. */
  id: string;
  name: string;
  isKey: boolean;
}

interface Running {
  caller: Caller;
  path: string;
  stream: boolean;
  startedAt: number;
  abort: (reason: 'revoked') => void;
}

const MAX_ERRORS = 20;
const SWEEP_MS = 250;

class Traffic {
  private readonly running = new Set<Running>();
  private readonly callers = new Map<string, GatewayCaller>();
  private errors: GatewayErrorEntry[] = [];
  private sweep: NodeJS.Timeout | null = null;

  /** Registers a request; the returned function removes it. `abort` is called if its key goes away. */
  begin(caller: Caller, path: string, stream: boolean, abort: Running['abort']): () => void {
    const entry: Running = { caller, path, stream, startedAt: Date.now(), abort };
    this.running.add(entry);
    this.count(caller, 1, 0);
    if (caller.isKey) getKeyStore().recordUse(caller.id, { requests: 1 });
    this.sweep ??= setInterval(() => this.checkKeys(), SWEEP_MS);
    this.sweep.unref();
    return () => {
      this.running.delete(entry);
      if (this.running.size === 0 && this.sweep) {
        clearInterval(this.sweep);
        this.sweep = null;
      }
    };
  }

  tokens(caller: Caller, tokens: number): void {
    this.count(caller, 0, tokens);
    if (caller.isKey) getKeyStore().recordUse(caller.id, { tokens });
  }

  error(caller: Caller | null, path: string, status: number, message: string): void {
    const entry = { at: new Date().toISOString(), caller: caller?.name ?? 'unknown', path, status, message };
    this.errors = [entry, ...this.errors].slice(0, MAX_ERRORS);
  }

  snapshot(): GatewayTraffic {
    return {
      running: [...this.running].map((r) => ({
        caller: r.caller.name,
        path: r.path,
        stream: r.stream,
        startedAt: new Date(r.startedAt).toISOString(),
      })),
      callers: [...this.callers.values()],
      errors: this.errors,
    };
  }

  private count(caller: Caller, requests: number, tokens: number): void {
    const entry = this.callers.get(caller.id) ?? { caller: caller.name, requests: 0, tokens: 0 };
    entry.requests += requests;
    entry.tokens += tokens;
    this.callers.set(caller.id, entry);
  }

  private checkKeys(): void {
    const store = getKeyStore();
    for (const entry of this.running) {
      if (entry.caller.isKey && !store.isActive(entry.caller.id)) entry.abort('revoked');
    }
  }
}

const KEY = Symbol.for('vlm-console.gateway-traffic');

export function getTraffic(): Traffic {
  const holder = globalThis as { [KEY]?: Traffic };
  holder[KEY] ??= new Traffic();
  return holder[KEY];
}
