import 'server-only';
// Records each launch in the launch history by watching the supervisor's status events, so the supervisor
// itself knows nothing about the history. A launch is tracked from its first `starting` status and saved
// then (`running`), when it becomes ready, and when it ends: when it crashes or fails, or when a stop
// completes. Saving at the start is what keeps a launch killed together with the app: the next start-up
// closes its record (closeUnfinished). Engines found running from an earlier app process (orphans) keep the
// record their own app saved; once stopped, that record is closed the same way.
import type { EngineStatus } from '@/lib/engine/types';
import { closeUnfinished, type LaunchOutcome, type LaunchRecord, saveLaunch } from './launch-history';

interface Tracked {
  launchId: string;
  profile: string;
  options: Record<string, unknown>;
  command: string[] | null;
  startedAt: number;
  readyAt: number | null;
}

export interface Fold {
  tracked: Tracked | null;
  /** Set when this status ends the tracked launch. */
  finished: LaunchRecord | null;
  /** Set when this status starts the launch or makes it ready: the record to save while it runs. */
  progress?: LaunchRecord | null;
}

function begin(status: EngineStatus, now: number): Tracked | null {
  if (!status.launchId || !status.profile) return null;
  return {
    launchId: status.launchId,
    profile: status.profile,
    options: status.options ?? {},
    command: status.command,
    startedAt: status.startedAt ?? now,
    readyAt: null,
  };
}

/** A launch that reached ready and was stopped later counts as `ready`: it worked. */
function outcomeOf(status: EngineStatus, reachedReady: boolean): LaunchOutcome {
  if (status.state === 'crashed' || status.state === 'failed') return status.state;
  return reachedReady ? 'ready' : 'stopped';
}

function finish(tracked: Tracked, status: EngineStatus, now: number): LaunchRecord {
  const outcome = outcomeOf(status, tracked.readyAt !== null);
  const record: LaunchRecord = {
    launchId: tracked.launchId,
    profile: tracked.profile,
    options: tracked.options,
    command: status.command ?? tracked.command,
    startedAt: tracked.startedAt,
    endedAt: now,
    outcome,
  };
  if (tracked.readyAt !== null) record.readyAfterMs = Math.max(0, tracked.readyAt - tracked.startedAt);
  if (status.state === 'stopped') {
    record.stoppedAt = now;
    record.endedBy = status.stoppedBy ?? 'you';
  }
  if (status.exit) record.exit = { code: status.exit.code, signal: status.exit.signal };
  if (status.error && outcome !== 'ready' && outcome !== 'stopped') record.error = status.error;
  if (status.diagnosis) {
    const { ruleId, category, title } = status.diagnosis;
    record.diagnosis = { ruleId, category, title };
  }
  return record;
}

/** The record of a launch that has not ended. */
function running(tracked: Tracked): LaunchRecord {
  const record: LaunchRecord = {
    launchId: tracked.launchId,
    profile: tracked.profile,
    options: tracked.options,
    command: tracked.command,
    startedAt: tracked.startedAt,
    endedAt: tracked.startedAt,
    outcome: 'running',
  };
  if (tracked.readyAt !== null) record.readyAfterMs = Math.max(0, tracked.readyAt - tracked.startedAt);
  return record;
}

/** Pure: the tracked launch after `status`, and the record to write when the status starts or ends it. */
export function foldStatus(tracked: Tracked | null, status: EngineStatus, now: number): Fold {
  if (status.state === 'orphaned') return { tracked: null, finished: null };
  if (status.state === 'starting' && status.launchId && tracked?.launchId !== status.launchId) {
    const next = begin(status, now);
    return { tracked: next, finished: null, progress: next ? running(next) : null };
  }
  if (!tracked || tracked.launchId !== status.launchId) return { tracked, finished: null };
  if (status.state === 'ready' && tracked.readyAt === null) {
    const next = { ...tracked, readyAt: status.readyAt ?? now };
    return { tracked: next, finished: null, progress: running(next) };
  }
  if (status.state === 'crashed' || status.state === 'failed' || status.state === 'stopped') {
    return { tracked: null, finished: finish(tracked, status, now) };
  }
  return { tracked, finished: null };
}

interface StatusSource {
  onStatus(listener: (status: EngineStatus) => void): () => void;
}

/** When the log of a launch was last written (its end, for a launch that died with the app). */
export type LastLogWrite = (launchId: string) => Promise<number | null>;

// The history is a convenience: a full disk must not disturb the engine.
const reportFailure = (error: unknown) =>
  console.error('[vlm-console] could not write the launch history', error);

/** Subscribes once per supervisor (see instance.ts); returns the unsubscribe function. */
export function installHistoryRecorder(
  source: StatusSource,
  dataDir: string,
  lastLogWrite: LastLogWrite = async () => null,
): () => void {
  let tracked: Tracked | null = null;
  let orphan = false;
  return source.onStatus((status) => {
    if (status.state === 'orphaned') orphan = true;
    else if (orphan && status.state === 'stopped') {
      orphan = false;
      closeUnfinished(dataDir, null, lastLogWrite).catch(reportFailure);
    }
    const fold = foldStatus(tracked, status, Date.now());
    tracked = fold.tracked;
    const record = fold.finished ?? fold.progress;
    if (record) saveLaunch(dataDir, record).catch(reportFailure);
  });
}

/** At start-up: launches that never recorded their end ended with the app; `alive` is an orphan's launch. */
export function closeLaunchesOfEarlierRun(
  dataDir: string,
  alive: string | null,
  lastLogWrite: LastLogWrite,
): Promise<void> {
  return closeUnfinished(dataDir, alive, lastLogWrite).catch(reportFailure);
}
