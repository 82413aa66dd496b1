import 'server-only';
// An engine left behind by an earlier app process (both the app and its watchdog were killed hard).
// It is found through the pid file and /proc, never adopted silently: the user sees it and stops it.
import { findLaunchProcesses, signalLaunch } from '@/lib/node/process-scan.mjs';
import { type PidRecord, readPidFile, removePidFile } from './pid-file';

export interface Orphan {
  record: PidRecord;
  pids: number[];
}

export async function recoverOrphan(dataDir: string): Promise<Orphan | null> {
  const record = await readPidFile(dataDir);
  if (!record) return null;
  // Only the marker in the environment counts: a recycled pid or group id may belong to anything now.
  const pids = findLaunchProcesses({ launchId: record.launchId });
  if (pids.length === 0) {
    await removePidFile(dataDir);
    return null;
  }
  return { record, pids };
}

export async function stopOrphan(orphan: Orphan, graceMs: number): Promise<void> {
  const leaderIsOurs = orphan.pids.includes(orphan.record.pgid);
  const query = { pgid: leaderIsOurs ? orphan.record.pgid : null, launchId: orphan.record.launchId };
  signalLaunch(query, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (findLaunchProcesses(query).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  signalLaunch(query, 'SIGKILL');
  const killDeadline = Date.now() + 3000;
  while (findLaunchProcesses(query).length > 0 && Date.now() < killDeadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
}
