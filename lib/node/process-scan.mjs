// Finds the live processes of one engine launch by reading /proc (Linux). A process belongs to a launch when
// it is in the launch's process group, or when its environment carries the launch's marker variable: vLLM's
// multiprocessing workers have been seen to leave the group, but they keep the environment they were given.
// Plain JavaScript so the watchdog (a bare Node script) and the app share it.
import fs from 'node:fs';

export const LAUNCH_MARKER = 'VLM_CONSOLE_LAUNCH_ID';

/**
 * @param {string} pid
 * @returns {{ state: string, pgrp: number } | null}
 */
function readStat(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may itself contain spaces or parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0] ?? '?', pgrp: Number(rest[2]) };
  } catch {
    return null;
  }
}

/** @param {string} pid @param {string} needle */
function environHas(pid, needle) {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`).includes(needle);
  } catch {
    return false;
  }
}

/**
 * Live (non-zombie) processes of a launch, by process group and/or marker.
 * @param {{ pgid?: number | null, launchId?: string | null, exclude?: number[] }} query
 * @returns {number[]}
 */
export function findLaunchProcesses(query) {
  const exclude = new Set([process.pid, ...(query.exclude ?? [])]);
  const needle = query.launchId ? `${LAUNCH_MARKER}=${query.launchId}\0` : null;
  /** @type {number[]} */
  const found = [];
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (exclude.has(pid)) continue;
    const stat = readStat(entry);
    if (!stat || stat.state === 'Z' || stat.state === 'X') continue;
    if ((query.pgid && stat.pgrp === query.pgid) || (needle && environHas(entry, needle))) found.push(pid);
  }
  return found;
}

/**
 * Signals the process group and every straggler of the launch; missing processes are not an error.
 * @param {{ pgid?: number | null, launchId?: string | null, exclude?: number[] }} query
 * @param {NodeJS.Signals} signal
 * @returns {number} how many processes were signalled
 */
export function signalLaunch(query, signal) {
  if (query.pgid) {
    try {
      process.kill(-query.pgid, signal);
    } catch {
      // The group is already empty.
    }
  }
  const pids = findLaunchProcesses(query);
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Exited between the scan and the signal.
    }
  }
  return pids.length;
}

/** @param {number} pid */
export function isAlive(pid) {
  const stat = readStat(String(pid));
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
}
