// API keys for other tools (an editor, a notebook): a name, a scope (`chat`: the OpenAI endpoints under /v1
// only; `admin`: everything the access token can do), an optional expiry, and usage counters. Only the
// SHA-256 of each key is kept (in the data dir, mode 0600); a key is random (32 bytes), shown once, and
// compared in constant time. One store per process on globalThis: Next loads this module in several
// bundles. No `server-only` marker, for the same reason as credentials.ts (authenticate.ts, which proxy.ts
// uses, looks keys up here); it cannot reach a browser bundle anyway: it needs node:fs.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiKeyRecord, KeyScope } from '../../gateway/types';

interface StoredKey extends ApiKeyRecord {
  /** sha256 of the key, hex. */
  hash: string;
}

export interface KeyIdentity {
  id: string;
  name: string;
  scope: KeyScope;
}

/** Recognisable in a config file or a leak scanner, like `sk-` keys. */
export const KEY_PREFIX = 'vlmc_';
const FILE = 'api-keys.json';
const FLUSH_MS = 2000;

class KeyStore {
  private keys: StoredKey[];
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly file: string) {
    this.keys = readKeys(file);
  }

  create(name: string, scope: KeyScope, expiresInDays?: number): { record: ApiKeyRecord; key: string } {
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const now = new Date();
    const stored: StoredKey = {
      id: randomUUID(),
      name,
      scope,
      createdAt: now.toISOString(),
      expiresAt: expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000).toISOString() : null,
      lastUsedAt: null,
      requests: 0,
      tokens: 0,
      hash: hashKey(key),
    };
    this.keys.push(stored);
    this.flush();
    return { record: publicRecord(stored), key };
  }

  list(): ApiKeyRecord[] {
    return this.keys.map(publicRecord);
  }

  /** Removes the key; false when there was none. Requests check the store each time, so it takes effect at once. */
  revoke(id: string): boolean {
    const before = this.keys.length;
    this.keys = this.keys.filter((k) => k.id !== id);
    if (this.keys.length === before) return false;
    this.flush();
    return true;
  }

  /** The key's identity when it exists and has not expired. Every stored hash is compared, in constant time. */
  lookup(secret: string, now = Date.now()): KeyIdentity | null {
    if (!secret.startsWith(KEY_PREFIX)) return null;
    const given = Buffer.from(hashKey(secret), 'hex');
    let found: StoredKey | null = null;
    for (const key of this.keys) {
      if (timingSafeEqual(given, Buffer.from(key.hash, 'hex'))) found = key;
    }
    if (!found || !isLive(found, now)) return null;
    return { id: found.id, name: found.name, scope: found.scope };
  }

  /** Whether a key still exists and has not expired (checked while its streams run). */
  isActive(id: string, now = Date.now()): boolean {
    const key = this.keys.find((k) => k.id === id);
    return key !== undefined && isLive(key, now);
  }

  recordUse(id: string, usage: { requests?: number; tokens?: number }): void {
    const key = this.keys.find((k) => k.id === id);
    if (!key) return;
    key.requests += usage.requests ?? 0;
    key.tokens += usage.tokens ?? 0;
    if (usage.requests) key.lastUsedAt = new Date().toISOString();
    // Counters change on every request: written in batches, not per request.
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
    this.flushTimer.unref();
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify({ keys: this.keys }, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function isLive(key: StoredKey, now: number): boolean {
  return key.expiresAt === null || Date.parse(key.expiresAt) > now;
}

function publicRecord({ hash: _hash, ...record }: StoredKey): ApiKeyRecord {
  return record;
}

function readKeys(file: string): StoredKey[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed = JSON.parse(text) as { keys?: StoredKey[] };
    return (parsed.keys ?? []).filter((k) => typeof k?.hash === 'string' && /^[0-9a-f]{64}$/.test(k.hash));
  } catch {
    // Kept aside rather than overwritten by the next key: someone may want to repair it.
    const aside = `${file}.unreadable-${Date.now()}`;
    fs.renameSync(file, aside);
    console.error(
      `[vlm-console] ${file} is not valid JSON; moved to ${aside}. No API key works until new ones are made.`,
    );
    return [];
  }
}

const KEY = Symbol.for('vlm-console.api-keys');

export function getKeyStore(): KeyStore {
  const holder = globalThis as { [KEY]?: KeyStore };
  if (!holder[KEY]) {
    const dir = path.resolve(/*turbopackIgnore: true*/ process.env.VLM_CONSOLE_DATA_DIR ?? './.data');
    holder[KEY] = new KeyStore(path.join(/*turbopackIgnore: true*/ dir, FILE));
  }
  return holder[KEY];
}

export function lookupApiKey(secret: string): KeyIdentity | null {
  return getKeyStore().lookup(secret);
}
