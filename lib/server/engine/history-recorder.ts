import 'server-only';
// Records each finished launch in the launch history by watching the supervisor's status events, so the
// supervisor itself knows nothing about the history. A launch is tracked from its first `starting` status
// and recorded once: when it crashes or fails, or when a stop completes. Engines found running from an
// earlier app process (orphans) were never seen starting and are not recorded.
import type { EngineStatus } from '@/lib/engine/types';
import { appendLaunch, type LaunchOutcome, type LaunchRecord } from './launch-history';

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
  if (status.state === 'stopped') record.stoppedAt = now;
  if (status.exit) record.exit = { code: status.exit.code, signal: status.exit.signal };
  if (status.error && outcome !== 'ready' && outcome !== 'stopped') record.error = status.error;
  if (status.diagnosis) {
    const { ruleId, category, title } = status.diagnosis;
    record.diagnosis = { ruleId, category, title };
  }
  return record;
}

/** Pure: the tracked launch after `status`, and the record to write when the status ends it. */
export function foldStatus(tracked: Tracked | null, status: EngineStatus, now: number): Fold {
  if (status.state === 'orphaned') return { tracked: null, finished: null };
  if (status.state === 'starting' && status.launchId && tracked?.launchId !== status.launchId) {
    return { tracked: begin(status, now), finished: null };
  }
  if (!tracked || tracked.launchId !== status.launchId) return { tracked, finished: null };
  if (status.state === 'ready' && tracked.readyAt === null) {
    return { tracked: { ...tracked, readyAt: status.readyAt ?? now }, finished: null };
  }
  if (status.state === 'crashed' || status.state === 'failed' || status.state === 'stopped') {
    return { tracked: null, finished: finish(tracked, status, now) };
  }
  return { tracked, finished: null };
}

interface StatusSource {
  onStatus(listener: (status: EngineStatus) => void): () => void;
}

/** Subscribes once per supervisor (see instance.ts); returns the unsubscribe function. */
export function installHistoryRecorder(source: StatusSource, dataDir: string): () => void {
  let tracked: Tracked | null = null;
  return source.onStatus((status) => {
    const fold = foldStatus(tracked, status, Date.now());
    tracked = fold.tracked;
    if (!fold.finished) return;
    appendLaunch(dataDir, fold.finished).catch((error: unknown) => {
      // The history is a convenience: a full disk must not disturb the engine.
      console.error('[vlm-console] could not write the launch history', error);
    });
  });
}
