// The access token and the key that signs session cookies, kept in the data dir (mode 0600) and cached
// per process. No `server-only` marker: proxy.ts (pages) uses this module too, and Next does not bundle
// the proxy with the react-server condition that marker needs. It cannot reach a browser bundle anyway:
// it needs node:fs.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Credentials {
  token: string;
  /** Where the token came from: rotation is only possible for a token the app generated. */
  tokenSource: 'env' | 'file';
  sessionKey: Buffer;
  /** Bumped by rotation; cookies of an older generation are no longer valid. */
  generation: number;
  /** True when this process generated the token just now (it is printed once, at start). */
  created: boolean;
}

const KEY = Symbol.for('vlm-console.credentials');
type Holder = { [KEY]?: Credentials };

function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.VLM_CONSOLE_DATA_DIR ?? './.data');
}

function readOrCreate(file: string, make: () => string): { value: string; created: boolean } {
  try {
    return { value: fs.readFileSync(file, 'utf8').trim(), created: false };
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const value = make();
    fs.writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return { value, created: true };
  }
}

function load(): Credentials {
  const dir = dataDir();
  const envToken = process.env.VLM_CONSOLE_TOKEN?.trim();
  const stored = envToken
    ? null
    : readOrCreate(path.join(/*turbopackIgnore: true*/ dir, 'access-token'), () =>
        randomBytes(24).toString('base64url'),
      );
  const key = readOrCreate(path.join(/*turbopackIgnore: true*/ dir, 'session-key'), () =>
    randomBytes(32).toString('base64'),
  );
  const generation =
    Number(readOrCreate(path.join(/*turbopackIgnore: true*/ dir, 'session-generation'), () => '1').value) ||
    1;
  return {
    token: envToken ?? stored?.value ?? '',
    tokenSource: envToken ? 'env' : 'file',
    sessionKey: Buffer.from(key.value, 'base64'),
    generation,
    created: stored?.created ?? false,
  };
}

export function getCredentials(): Credentials {
  const holder = globalThis as Holder;
  holder[KEY] ??= load();
  return holder[KEY];
}

/** A new token (when the app owns it) and a new session generation: every browser must sign in again. */
export function rotateCredentials(): Credentials {
  const current = getCredentials();
  const dir = dataDir();
  const generation = current.generation + 1;
  fs.writeFileSync(path.join(/*turbopackIgnore: true*/ dir, 'session-generation'), `${generation}\n`, {
    mode: 0o600,
  });
  let token = current.token;
  if (current.tokenSource === 'file') {
    token = randomBytes(24).toString('base64url');
    fs.writeFileSync(path.join(/*turbopackIgnore: true*/ dir, 'access-token'), `${token}\n`, { mode: 0o600 });
  }
  const next = { ...current, token, generation, created: false };
  (globalThis as Holder)[KEY] = next;
  return next;
}

/** Constant-time comparison; hashing first gives equal lengths, which timingSafeEqual requires. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && expected.length > 0;
}
