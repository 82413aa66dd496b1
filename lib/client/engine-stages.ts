// The startup stages of one launch as a timeline, folded from status events on the client (the status only
// carries the current stage): which stages came, when each began and how long it took. Pure.
import type { EngineStatus, StageName } from '@/lib/engine/types';

export interface StageEntry {
  name: StageName;
  /** ms since epoch (the server's clock) when the stage began. */
  since: number;
  /** When the next stage began, or the launch ended; null while it runs. */
  until: number | null;
  progress?: number;
  detail?: string;
}

export interface StageTimeline {
  launchId: string | null;
  entries: StageEntry[];
}

export const EMPTY_TIMELINE: StageTimeline = { launchId: null, entries: [] };

type StatusPart = Pick<EngineStatus, 'state' | 'launchId' | 'stage' | 'readyAt'>;

/** The timeline after one more status; the same object when nothing changed. */
export function foldStage(timeline: StageTimeline, status: StatusPart, now: number): StageTimeline {
  const isNewLaunch = status.launchId !== timeline.launchId;
  // First seen after it started (a page opened late): only the stages seen from here on are known; first seen
  // after it ended, none are (their durations would be guesses).
  if (isNewLaunch && (!status.stage || status.state !== 'starting'))
    return { launchId: status.launchId, entries: [] };
  let entries = isNewLaunch ? [] : timeline.entries;
  const last = entries.at(-1);
  const stage = status.stage;
  if (stage && stage.name !== last?.name) {
    const since = stage.since ?? now;
    const closed =
      last && last.until === null ? [...entries.slice(0, -1), { ...last, until: since }] : entries;
    const isEnd = stage.name === 'ready';
    entries = [
      ...closed,
      {
        name: stage.name,
        since,
        until: isEnd ? since : null,
        progress: stage.progress,
        detail: stage.detail,
      },
    ];
  } else if (stage && last && (stage.progress !== last.progress || stage.detail !== last.detail)) {
    entries = [...entries.slice(0, -1), { ...last, progress: stage.progress, detail: stage.detail }];
  }
  // The launch ended (failed, crashed, stopped) while a stage was running: that stage ends now.
  const open = entries.at(-1);
  if (status.state !== 'starting' && open && open.until === null) {
    entries = [...entries.slice(0, -1), { ...open, until: status.readyAt ?? now }];
  }
  if (!isNewLaunch && entries === timeline.entries) return timeline;
  return { launchId: status.launchId, entries };
}

/** How long a stage took (or has taken so far), never negative. */
export function stageElapsed(entry: StageEntry, now: number): number {
  return Math.max(0, (entry.until ?? now) - entry.since);
}
