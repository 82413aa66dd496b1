// Words for times and launch outcomes in the console. Pure.

/** 850 → "0.9 s", 42_000 → "42 s", 185_000 → "3 min 5 s", 4_000_000 → "1 h 6 min". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const totalS = Math.round(s);
  const m = Math.floor(totalS / 60);
  if (m < 60) return totalS % 60 ? `${m} min ${totalS % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

/** A running clock: "0:42", "12:05", "1:02:09". */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export interface LaunchOutcomeInput {
  outcome: 'ready' | 'crashed' | 'failed' | 'stopped' | 'running';
  endedBy?: 'you' | 'app-exit' | 'app';
  readyAfterMs?: number;
  exit?: { code: number | null; signal: string | null };
  error?: string;
  diagnosis?: { title: string };
}

const ENDED_BY: Record<NonNullable<LaunchOutcomeInput['endedBy']>, string> = {
  you: 'stopped by you',
  'app-exit': 'stopped when the app exited',
  app: 'ended with the app',
};

/** "SIGTERM", "exit 0", or null when the exit was not reported. */
function describeExit(exit: LaunchOutcomeInput['exit']): string | null {
  return exit?.signal ?? (exit?.code != null ? `exit ${exit.code}` : null);
}

/** How a stopped launch ended: "stopped by you (exit 0)", "ended with the app". */
function describeEnd(launch: LaunchOutcomeInput): string {
  const exit = launch.endedBy === 'app' ? null : describeExit(launch.exit);
  return `${ENDED_BY[launch.endedBy ?? 'you']}${exit ? ` (${exit})` : ''}`;
}

/**
 * "ready after 42 s · stopped by you (exit 0)", "crashed (exit 1): CUDA out of memory", "failed: …",
 * "stopped by you while starting", "ready after 3 s · ended with the app", "running".
 */
export function describeOutcome(launch: LaunchOutcomeInput): string {
  const why = launch.diagnosis?.title ?? launch.error;
  switch (launch.outcome) {
    case 'ready': {
      const ready =
        launch.readyAfterMs === undefined ? 'ready' : `ready after ${formatDuration(launch.readyAfterMs)}`;
      // Records from before `endedBy` existed say nothing about the end.
      return launch.endedBy ? `${ready} · ${describeEnd(launch)}` : ready;
    }
    case 'crashed': {
      const exit = describeExit(launch.exit);
      return `crashed${exit ? ` (${exit})` : ''}${why ? `: ${why}` : ''}`;
    }
    case 'failed':
      return `failed${why ? `: ${why}` : ''}`;
    case 'stopped':
      return launch.endedBy ? `${describeEnd(launch)} while starting` : 'stopped while starting';
    case 'running':
      return launch.readyAfterMs === undefined
        ? 'running: starting'
        : `running: ready after ${formatDuration(launch.readyAfterMs)}`;
  }
}

/** "12 s ago", "5 min ago", "3 h ago", else the date. */
export function formatAgo(at: number, now: number): string {
  const s = Math.max(0, now - at) / 1000;
  if (s < 60) return `${Math.max(1, Math.round(s))} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return new Date(at).toLocaleDateString('en', { month: 'short', day: 'numeric' });
}
