// Sessions ended by signing out. Cookies are stateless (signed), so ending one session means remembering
// its nonce until the cookie would have expired anyway. Kept in the data dir so a restart does not revive
// them, and bounded: past the bound the entries closest to their natural expiry make room. No
// `server-only` marker, for the same reason as credentials.ts: proxy.ts checks sessions too.
import fs from 'node:fs';
import path from 'node:path';

const KEY = Symbol.for('vlm-console.ended-sessions');
const FILE = 'ended-sessions.json';
export const MAX_ENDED_SESSIONS = 10_000;

type Ended = Map<string, number>;

function file(): string {
  return path.join(
    path.resolve(/*turbopackIgnore: true*/ process.env.VLM_CONSOLE_DATA_DIR ?? './.data'),
    FILE,
  );
}

function load(): Ended {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file(), 'utf8'));
    const map: Ended = new Map();
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [nonce, expires] of Object.entries(parsed)) {
        if (typeof expires === 'number') map.set(nonce, expires);
      }
    }
    return map;
  } catch {
    return new Map();
  }
}

function ended(): Ended {
  const holder = globalThis as { [KEY]?: Ended };
  holder[KEY] ??= load();
  return holder[KEY];
}

function save(map: Ended): void {
  const target = file();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(Object.fromEntries(map)), { mode: 0o600 });
  fs.renameSync(temp, target);
}

/** Remembers a session as ended until `expires` (ms since the epoch), when its cookie dies anyway. */
export function endSession(nonce: string, expires: number, now = Date.now()): void {
  const map = ended();
  for (const [key, until] of map) if (until <= now) map.delete(key);
  map.set(nonce, expires);
  if (map.size > MAX_ENDED_SESSIONS) {
    const soonest = [...map.entries()].sort((a, b) => a[1] - b[1]);
    for (const [key] of soonest.slice(0, map.size - MAX_ENDED_SESSIONS)) map.delete(key);
  }
  save(map);
}

export function isSessionEnded(nonce: string, now = Date.now()): boolean {
  const until = ended().get(nonce);
  return until !== undefined && until > now;
}

/** Rotation ends every session by generation; the list has nothing left to do. */
export function clearEndedSessions(): void {
  const map = ended();
  if (map.size === 0) return;
  map.clear();
  save(map);
}
