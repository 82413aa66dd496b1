import 'server-only';
// The launch history: one JSON line per launch in <dataDir>/launches.jsonl, the last 200 kept. A launch is
// saved when it starts (outcome `running`), again when it is ready, and when it ends, so a launch killed
// together with the app is still there after a restart; the next start-up closes such a record as ended with
// the app. Written only by the history recorder (one per app process); the file is replaced atomically (temp
// file + rename), so a reader never sees half a line and a crash mid-write loses at most the newest change.
// Records hold what the status showed: options and command with secrets already masked.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DIAGNOSIS_CATEGORIES } from '@/lib/diagnosis';
import { getEnv } from '../env';

export const HISTORY_FILE = 'launches.jsonl';
export const HISTORY_MAX = 200;

const recordSchema = z.object({
  launchId: z.string(),
  profile: z.string(),
  options: z.record(z.string(), z.unknown()),
  command: z.array(z.string()).nullable(),
  startedAt: z.number(),
  endedAt: z.number(),
  /**
   * `ready`: it reached ready (and was stopped later, see stoppedAt); `stopped`: stopped while starting;
   * `running`: not ended yet (or the app died before it could record the end, until the next start-up).
   */
  outcome: z.enum(['ready', 'crashed', 'failed', 'stopped', 'running']),
  /** Who ended it: you (Stop), the app exiting (SIGTERM/SIGINT), or the app dying with it (`app`). */
  endedBy: z.enum(['you', 'app-exit', 'app']).optional(),
  readyAfterMs: z.number().optional(),
  stoppedAt: z.number().optional(),
  exit: z.object({ code: z.number().nullable(), signal: z.string().nullable() }).optional(),
  error: z.string().optional(),
  diagnosis: z
    .object({ ruleId: z.string(), category: z.enum(DIAGNOSIS_CATEGORIES), title: z.string() })
    .optional(),
});

export type LaunchRecord = z.infer<typeof recordSchema>;
export type LaunchOutcome = LaunchRecord['outcome'];

export interface LastReady {
  launchId: string;
  profile: string;
  options: Record<string, unknown>;
  /** ms since epoch when that launch became ready. */
  at: number;
}

const fileOf = (dataDir: string) => path.join(/*turbopackIgnore: true*/ dataDir, HISTORY_FILE);

/** Oldest first. Lines that do not parse (an older format, a damaged file) are skipped, not fatal. */
export async function readLaunches(dataDir: string = getEnv().dataDir): Promise<LaunchRecord[]> {
  let text: string;
  try {
    text = await fs.readFile(fileOf(dataDir), 'utf8');
  } catch {
    return [];
  }
  const records: LaunchRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = recordSchema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
    } catch {
      // Not JSON: skip.
    }
  }
  return records;
}

// On globalThis, like the supervisor (instance.ts): Next may load this module in more than one bundle, and
// the writes of all of them must queue on one chain per file (and be awaited together at exit).
const CHAINS = Symbol.for('vlm-console.history-writes');
const holder = globalThis as { [CHAINS]?: Map<string, Promise<unknown>> };
holder[CHAINS] ??= new Map();
const chains = holder[CHAINS];

/** Rewrites the history through `change`, keeping the newest HISTORY_MAX. Writes to one file are serialised. */
function rewrite(dataDir: string, change: (records: LaunchRecord[]) => LaunchRecord[]): Promise<void> {
  const file = fileOf(dataDir);
  const write = async () => {
    const kept = change(await readLaunches(dataDir)).slice(-HISTORY_MAX);
    await fs.mkdir(dataDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, kept.map((r) => `${JSON.stringify(r)}\n`).join(''), { mode: 0o600 });
    await fs.rename(temp, file);
  };
  const run = (chains.get(file) ?? Promise.resolve()).then(write, write);
  chains.set(
    file,
    run.catch(() => undefined),
  );
  return run;
}

/** Resolves once every write started so far has landed (the app waits for it before it exits). */
export async function settleWrites(): Promise<void> {
  await Promise.all(chains.values());
}

/** Saves a record: it replaces the one of the same launch where there is one, else it is appended. */
export function saveLaunch(dataDir: string, record: LaunchRecord): Promise<void> {
  return rewrite(dataDir, (records) => {
    const at = records.findIndex((r) => r.launchId === record.launchId);
    if (at < 0) return [...records, record];
    const next = [...records];
    next[at] = record;
    return next;
  });
}

/**
 * At start-up: a launch still `running` in the history ended with the app that ran it (killed too hard to
 * record the end). Its end is the last write to its log, when known. `keep` is a launch still alive (an
 * orphan the user has not stopped yet).
 */
export async function closeUnfinished(
  dataDir: string,
  keep: string | null,
  lastLogWrite: (launchId: string) => Promise<number | null>,
): Promise<void> {
  const isOpen = (r: LaunchRecord) => r.outcome === 'running' && r.launchId !== keep;
  const open = (await readLaunches(dataDir)).filter(isOpen);
  if (open.length === 0) return;
  const ends = new Map<string, number | null>();
  for (const r of open) ends.set(r.launchId, await lastLogWrite(r.launchId));
  await rewrite(dataDir, (records) =>
    records.map((r): LaunchRecord => {
      if (!isOpen(r)) return r;
      const endedAt = Math.max(r.startedAt, ends.get(r.launchId) ?? r.startedAt);
      return { ...r, outcome: r.readyAfterMs === undefined ? 'stopped' : 'ready', endedBy: 'app', endedAt };
    }),
  );
}

/** Newest first. */
export async function recentLaunches(
  limit: number,
  dataDir: string = getEnv().dataDir,
): Promise<LaunchRecord[]> {
  return (await readLaunches(dataDir)).slice(-limit).reverse();
}

function lastReadyOf(records: readonly LaunchRecord[], profileId: string | null): LastReady | null {
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (!r || r.readyAfterMs === undefined || (profileId !== null && r.profile !== profileId)) continue;
    return { launchId: r.launchId, profile: r.profile, options: r.options, at: r.startedAt + r.readyAfterMs };
  }
  return null;
}

/**
 * The options of the newest launch of `profileId` that reached ready (any profile when null): the report
 * bundle lists what changed since a launch that worked.
 */
export async function lastReadyOptions(
  profileId: string | null,
  dataDir: string = getEnv().dataDir,
): Promise<LastReady | null> {
  return lastReadyOf(await readLaunches(dataDir), profileId);
}
