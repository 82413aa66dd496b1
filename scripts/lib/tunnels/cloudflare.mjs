// `--tunnel cloudflare`: a Cloudflare quick tunnel (https://<random>.trycloudflare.com, no account).
// cloudflared is told to serve its metrics on a loopback port we pick, because `/quicktunnel` there answers
// the hostname as JSON — sturdier than scraping the ASCII box it prints, whose wording has changed before.
// Quirks worth knowing (README "Access modes"): GET event streams are held back at Cloudflare's edge (the app
// streams over POST), 200 requests in flight at most, and ~100–120 s without a byte ends a request with 524
// (the app's streams send a heartbeat every 15 s).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installCloudflared } from './cloudflared-install.mjs';
import { findOnPath, freePort, isExecutableFile, TailBuffer, TunnelError } from './common.mjs';

/** @typedef {import('./common.mjs').Tunnel} Tunnel @typedef {import('./common.mjs').PrepareOptions} PrepareOptions */

// The engine's watchdog is a general "kill my child's process group when the app goes away" process: it makes
// cloudflared end even when the app is SIGKILLed, which an `exit` handler cannot.
const WATCHDOG = fileURLToPath(new URL('../../engine-watchdog.mjs', import.meta.url));
const URL_TIMEOUT_MS = 90_000;
const POLL_MS = 250;

/** @param {PrepareOptions} options @returns {Promise<Tunnel>} */
export async function prepare(options) {
  const binary = await resolveCloudflared(options);
  return {
    name: 'cloudflare',
    open: (localUrl, onLost) => openQuickTunnel(binary, localUrl, options.dataDir, onLost),
  };
}

/** @param {PrepareOptions} options */
async function resolveCloudflared({ env, dataDir, installCloudflared: mayInstall, log }) {
  const configured = env.VLM_CONSOLE_CLOUDFLARED;
  if (configured) {
    if (isExecutableFile(configured)) return configured;
    throw new TunnelError(`VLM_CONSOLE_CLOUDFLARED=${configured} is not an executable file.`);
  }
  const downloaded = path.join(dataDir, 'bin', 'cloudflared');
  const found = findOnPath('cloudflared', env.PATH) ?? (isExecutableFile(downloaded) ? downloaded : null);
  if (found) return found;
  if (mayInstall) return installCloudflared(downloaded, log);
  throw new TunnelError(
    'cloudflared not found: install it (Debian/Ubuntu: the cloudflared .deb from ' +
      'https://github.com/cloudflare/cloudflared/releases, macOS: brew install cloudflared), ' +
      'set VLM_CONSOLE_CLOUDFLARED to its path, or add --install-cloudflared to download it into ' +
      `${path.join(dataDir, 'bin')}.`,
  );
}

/**
 * @param {string} binary @param {string} localUrl @param {string} dataDir
 * @param {(reason: string) => void} onLost
 * @returns {Promise<import('./common.mjs').OpenTunnel>}
 */
async function openQuickTunnel(binary, localUrl, dataDir, onLost) {
  const metricsPort = await freePort();
  const args = ['tunnel', '--no-autoupdate', '--url', localUrl, '--metrics', `127.0.0.1:${metricsPort}`];
  const child = spawn(process.execPath, [WATCHDOG, '--grace-ms', '5000', '--', binary, ...args], {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });
  const logFile = path.join(dataDir, 'cloudflared.log');
  fs.mkdirSync(dataDir, { recursive: true });
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  const tail = new TailBuffer(40);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (/** @type {string} */ text) => {
      tail.push(text);
      logStream.write(text);
    });
  }
  /** @type {string | null} */
  let ended = null;
  let spawnError = '';
  child.stdio[3]?.on('data', (/** @type {Buffer} */ data) => {
    for (const line of data.toString().split('\n')) {
      try {
        const event = JSON.parse(line);
        if (event.event === 'spawn-error') spawnError = event.message;
        if (event.event === 'exit') ended = `cloudflared exited (${event.signal ?? `code ${event.code}`})`;
      } catch {
        // A partial line; the events are tiny, so a split is rare and only costs the detail.
      }
    }
  });
  let announced = false;
  // 'close', not 'exit': the watchdog's last event on fd 3 may still be in the pipe when it exits.
  child.on('close', () => {
    ended ??= spawnError ? `cloudflared could not start: ${spawnError}` : 'cloudflared exited';
    logStream.end();
    if (announced) onLost(`${ended}; last lines:\n${indent(tail.last(8))}\n  (full log: ${logFile})`);
  });
  const close = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };

  const deadline = Date.now() + URL_TIMEOUT_MS;
  for (;;) {
    if (ended !== null || child.exitCode !== null) {
      throw new Error(`${ended ?? 'cloudflared exited'} before it had a URL:\n${indent(tail.last(12))}`);
    }
    const hostname = await askHostname(metricsPort);
    if (hostname) {
      announced = true;
      return { url: `https://${hostname}`, close };
    }
    if (Date.now() > deadline) {
      close();
      throw new Error(
        `cloudflared gave no public URL within ${URL_TIMEOUT_MS / 1000} s (full log: ${logFile}):\n${indent(tail.last(12))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** @param {number} port @returns {Promise<string | null>} */
async function askHostname(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/quicktunnel`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return null;
    const body = /** @type {{ hostname?: unknown }} */ (await res.json());
    const hostname = typeof body.hostname === 'string' ? body.hostname.trim() : '';
    // Before the tunnel is registered the hostname is empty; anything that is not a plain host name is not ours.
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
}

/** @param {string[]} lines */
function indent(lines) {
  return lines.length ? lines.map((l) => `  ${l}`).join('\n') : '  (it printed nothing)';
}
