export declare const LAUNCH_MARKER: string;
export interface LaunchQuery {
  pgid?: number | null;
  launchId?: string | null;
  exclude?: number[];
}
export declare function findLaunchProcesses(query: LaunchQuery): number[];
export declare function signalLaunch(query: LaunchQuery, signal: NodeJS.Signals): number;
export declare function isAlive(pid: number): boolean;
