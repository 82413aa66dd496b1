import 'server-only';
// The running launch, recorded in the data dir so that an app started later finds an engine left behind
// (after `kill -9` of both app and watchdog, say) instead of starting a second one on top of it.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface PidRecord {
  launchId: string;
  profile: string;
  pid: number;
  pgid: number;
  port: number | null;
  startedAt: number;
  command: string[];
}

export async function writePidFile(dataDir: string, record: PidRecord): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(/*turbopackIgnore: true*/ dataDir, 'engine.pid.json');
  await fs.writeFile(`${file}.tmp`, JSON.stringify(record, null, 2), { mode: 0o600 });
  await fs.rename(`${file}.tmp`, file);
}

export async function readPidFile(dataDir: string): Promise<PidRecord | null> {
  try {
    const raw = JSON.parse(
      await fs.readFile(path.join(/*turbopackIgnore: true*/ dataDir, 'engine.pid.json'), 'utf8'),
    );
    if (typeof raw?.pid !== 'number' || typeof raw?.launchId !== 'string') return null;
    return raw as PidRecord;
  } catch {
    return null;
  }
}

export async function removePidFile(dataDir: string): Promise<void> {
  await fs.rm(path.join(/*turbopackIgnore: true*/ dataDir, 'engine.pid.json'), { force: true });
}
