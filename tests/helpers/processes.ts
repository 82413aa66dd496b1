import fs from 'node:fs';

/** Live processes whose command line contains every one of `parts` (the watchdog, whose arguments
 * repeat the engine's command line, is not counted unless asked for). */
export function processesWith(...parts: string[]): number[] {
  const wantsWatchdog = parts.some((p) => p.includes('watchdog'));
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state === 'Z') continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (!wantsWatchdog && cmdline.includes('engine-watchdog')) continue;
      if (parts.every((p) => cmdline.includes(p))) found.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/** Processes carrying a launch's marker in their environment (the engine, its workers, the watchdog's children). */
export function processesOfLaunch(launchId: string): number[] {
  const needle = `VLM_CONSOLE_LAUNCH_ID=${launchId}\0`;
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z') continue;
      if (fs.readFileSync(`/proc/${entry}/environ`).includes(needle)) found.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

export function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
