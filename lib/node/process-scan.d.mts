export declare const LAUNCH_MARKER: string;
export interface ProcStat {
  pid: number;
  state: string;
  ppid: number;
  pgrp: number;
  /** Start time in clock ticks since boot (field 22 of /proc/PID/stat). */
  start: number;
}
export interface LaunchQuery {
  pgid?: number | null;
  launchId?: string | null;
  exclude?: number[];
  /** pid → start time of processes known to belong to the launch; descendants found are added to it. */
  tracked?: Map<number, number>;
}
export declare function scanLaunch(query: LaunchQuery): ProcStat[];
export declare function findLaunchProcesses(query: LaunchQuery): number[];
export declare function followDescendants(query: LaunchQuery & { tracked: Map<number, number> }): ProcStat[];
export declare function signalLaunch(query: LaunchQuery, signal: NodeJS.Signals): number;
export declare function isAlive(pid: number): boolean;
