// Wire types shared by the supervisor, the routes and the UI. Changing a field name here changes the public API.
import type { Diagnosis } from '@/lib/diagnosis';

export const ENGINE_STATES = [
  'stopped',
  'starting',
  'ready',
  'stopping',
  'crashed',
  'failed',
  'orphaned',
] as const;
export type EngineState = (typeof ENGINE_STATES)[number];

export const STAGE_NAMES = [
  'launching',
  'downloading weights',
  'loading weights',
  'compiling',
  'allocating KV cache',
  'capturing CUDA graphs',
  'starting API server',
  'ready',
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface Stage {
  name: StageName;
  /** 0..1 where the log says how far along the stage is. */
  progress?: number;
  /** Human detail such as "shard 3/8" or "43 %". */
  detail?: string;
  /** ms since epoch when this stage began. */
  since?: number;
}

export type LogStream = 'stdout' | 'stderr' | 'system';

export interface LogLine {
  seq: number;
  /** ms since epoch of the last write to this line (a redrawn progress bar keeps its seq). */
  ts: number;
  stream: LogStream;
  text: string;
  /** An access line answering one of the app's own probes (health, metrics, served model). */
  probe?: boolean;
}

export interface EngineHealth {
  ok: boolean;
  httpStatus: number | null;
  latencyMs: number | null;
  checkedAt: number;
  /** Consecutive failed probes; three in a row mark the engine unhealthy. */
  failures?: number;
}

export interface EngineExit {
  code: number | null;
  signal: string | null;
}

/** A supervised setup job (installing vLLM), shown beside the engine. */
export interface InstallJobStatus {
  kind: 'install';
  id: string;
  state: 'running' | 'succeeded' | 'failed' | 'cancelled';
  version: string;
  /** The step running now, e.g. "Install vLLM 0.11.2". */
  step: string | null;
  startedAt: number;
  endedAt: number | null;
  error: string | null;
  diagnosis: Diagnosis | null;
  /** The build the planner picked (lib/engine/vllm-install.ts), e.g. "cu129". */
  variant?: string | null;
  installer?: 'uv' | 'pip';
  /** The last setup job (installing vLLM), if one ran. */
  job?: InstallJobStatus | null;
  /** Seq of the first log line of this launch: earlier lines belong to earlier launches. */
  logStartSeq?: number | null;
}

export interface EngineStatus {
  state: EngineState;
  launchId: string | null;
  profile: string | null;
  options: Record<string, unknown> | null;
  pid: number | null;
  startedAt: number | null;
  readyAt: number | null;
  exit: EngineExit | null;
  stage: Stage | null;
  model: { id: string; maxModelLen: number | null } | null;
  error: string | null;
  health: EngineHealth | null;
  /** Set when the log has been silent for a long time while starting. */
  warning: string | null;
  /** The command line that was run, secrets masked. */
  command: string[] | null;
  /** What went wrong (or a known warning while starting), in plain words, with the line that shows it. */
  diagnosis: Diagnosis | null;
  /** The last setup job (installing vLLM), if one ran. */
  job?: InstallJobStatus | null;
  /** Seq of the first log line of this launch: earlier lines belong to earlier launches. */
  logStartSeq?: number | null;
  /** Who asked for the stop under way (or done): you, or the app exiting on SIGTERM/SIGINT. */
  stoppedBy?: 'you' | 'app-exit' | null;
}
