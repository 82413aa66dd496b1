// Finds the live processes of one engine launch by reading /proc (Linux). A process belongs to a launch when
// it is in the launch's process group, when its environment carries the launch's marker variable, or when it
// descends (by parent pid) from one that does. The last matters because vLLM's workers have been seen to leave
// the group, and `setproctitle` (which titles them `VLLM::EngineCore_0`) overwrites /proc/PID/environ unless
// SPT_NOENV is set: such a worker is found only through its parent, and only while that parent is alive — so
// whoever supervises a launch keeps a `tracked` map (pid → start time) and refreshes it while the launch runs.
// Plain JavaScript so the watchdog (a bare Node script) and the app share it.
import fs from 'node:fs';

export const LAUNCH_MARKER = 'VLM_CONSOLE_LAUNCH_ID';

/**
 * @typedef {{ pid: number, state: string, ppid: number, pgrp: number, start: number }} ProcStat
 * @typedef {{ pgid?: number | null, launchId?: string | null, exclude?: number[], tracked?: Map<number, number> }} LaunchQuery
 */

/**
 * @param {string} pid
 * @returns {ProcStat | null}
 */
function readStat(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may itself contain spaces or parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      pid: Number(pid),
      state: rest[0] ?? '?',
      ppid: Number(rest[1]),
      pgrp: Number(rest[2]),
      // Field 22, clock ticks since boot: with the pid it names one process, even after the pid is reused.
      start: Number(rest[19]),
    };
  } catch {
    return null;
  }
}

/** @param {ProcStat | null} stat */
const isLive = (stat) => stat !== null && stat.state !== 'Z' && stat.state !== 'X';

/** @param {string} pid @param {string} needle */
function environHas(pid, needle) {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`).includes(needle);
  } catch {
    return false;
  }
}

/** Live processes other than `exclude`. @param {Set<number>} exclude @returns {ProcStat[]} */
function liveProcesses(exclude) {
  /** @type {ProcStat[]} */
  const found = [];
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || exclude.has(Number(entry))) continue;
    const stat = readStat(entry);
    if (stat && isLive(stat)) found.push(stat);
  }
  return found;
}

/**
 * The launch's processes among `all`: `seed` decides the first ones, then every live descendant of one is
 * added, however deep. New ones go into `query.tracked`.
 * @param {ProcStat[]} all @param {(p: ProcStat) => boolean} seed @param {LaunchQuery} query
 * @returns {ProcStat[]}
 */
function closeOverChildren(all, seed, query) {
  const matched = new Map();
  for (const p of all) {
    if (seed(p) || query.tracked?.get(p.pid) === p.start) matched.set(p.pid, p);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!matched.has(p.pid) && matched.has(p.ppid)) {
        matched.set(p.pid, p);
        grew = true;
      }
    }
  }
  for (const p of matched.values()) query.tracked?.set(p.pid, p.start);
  return [...matched.values()];
}

/** @param {LaunchQuery} query */
const excluded = (query) => new Set([process.pid, ...(query.exclude ?? [])]);

/**
 * Live (non-zombie) processes of a launch, by process group, marker, tracked pids and their descendants.
 * @param {LaunchQuery} query
 * @returns {ProcStat[]}
 */
export function scanLaunch(query) {
  const needle = query.launchId ? `${LAUNCH_MARKER}=${query.launchId}\0` : null;
  const inGroup = (/** @type {ProcStat} */ p) => Boolean(query.pgid) && p.pgrp === query.pgid;
  return closeOverChildren(
    liveProcesses(excluded(query)),
    (p) => inGroup(p) || (needle !== null && environHas(String(p.pid), needle)),
    query,
  );
}

/** @param {LaunchQuery} query @returns {number[]} */
export function findLaunchProcesses(query) {
  return scanLaunch(query).map((p) => p.pid);
}

/**
 * The cheap refresh a supervisor runs while the launch is alive: group members, tracked pids and their
 * children, from /proc/PID/stat alone (no environment reads). Returns the processes it had not tracked yet.
 * @param {LaunchQuery & { tracked: Map<number, number> }} query
 * @returns {ProcStat[]}
 */
export function followDescendants(query) {
  const before = new Map(query.tracked);
  const found = closeOverChildren(
    liveProcesses(excluded(query)),
    (p) => Boolean(query.pgid) && p.pgrp === query.pgid,
    query,
  );
  return found.filter((p) => before.get(p.pid) !== p.start);
}

/**
 * Sends `signal` once to each process of the launch: to the process group first, then to each process of the
 * launch that is not in that group. A second SIGTERM is not harmless: llama-server, uvicorn and vLLM's API
 * server treat it as "quit now" and skip their clean-up. Missing processes are not an error.
 * @param {LaunchQuery} query
 * @param {NodeJS.Signals} signal
 * @returns {number} how many processes were signalled
 */
export function signalLaunch(query, signal) {
  let groupSignalled = false;
  if (query.pgid) {
    try {
      process.kill(-query.pgid, signal);
      groupSignalled = true;
    } catch {
      // The group is already empty.
    }
  }
  const procs = scanLaunch(query);
  for (const p of procs) {
    if (groupSignalled && p.pgrp === query.pgid) continue;
    try {
      process.kill(p.pid, signal);
    } catch {
      // Exited between the scan and the signal.
    }
  }
  return procs.length;
}

/** @param {number} pid */
export function isAlive(pid) {
  return isLive(readStat(String(pid)));
}
