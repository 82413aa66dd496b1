import 'server-only';
// The launch history: one JSON line per finished launch in <dataDir>/launches.jsonl, the last 200 kept.
// Written only by the history recorder (one per app process); the file is replaced atomically (temp file +
// rename), so a reader never sees half a line and a crash mid-write loses at most the newest record.
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
  /** `ready`: it reached ready (and was stopped later, see stoppedAt); `stopped`: stopped while starting. */
  outcome: z.enum(['ready', 'crashed', 'failed', 'stopped']),
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

const chains = new Map<string, Promise<unknown>>();

/** Appends a record, keeping the newest HISTORY_MAX. Writes to one file are serialised. */
export function appendLaunch(dataDir: string, record: LaunchRecord): Promise<void> {
  const file = fileOf(dataDir);
  const write = async () => {
    const kept = [...(await readLaunches(dataDir)), record].slice(-HISTORY_MAX);
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
