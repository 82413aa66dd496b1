// What the tunnel modules share: the contract they fulfil and a few small helpers.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * What a tunnel module's `prepare()` returns. `prepare` runs before Next.js starts and throws a
 * TunnelError when the mode cannot work here (missing token, missing program), so the user hears it at once.
 * @typedef {object} Tunnel
 * @property {string} name shown in the console
 * @property {Record<string, string>} [env] defaults for the app's environment (a variable the user set wins)
 * @property {(localUrl: string, onLost: (reason: string) => void) => Promise<OpenTunnel>} open
 *   starts the tunnel once the app listens on `localUrl`; `onLost` is called if it dies later
 */

/**
 * @typedef {object} OpenTunnel
 * @property {string} [url] the public https URL, when the tunnel knows it
 * @property {string} [note] a line for the console, when it does not
 * @property {() => void} close ends the tunnel; synchronous, so it can run in an `exit` handler
 */

/**
 * @typedef {object} PrepareOptions
 * @property {Record<string, string | undefined>} env
 * @property {string} dataDir the app's data dir (downloaded programs and tunnel logs go there)
 * @property {boolean} installCloudflared
 * @property {(line: string) => void} log
 */

/** A one-line message for the console and the exit code to leave with. */
export class TunnelError extends Error {
  /** @param {string} message @param {number} [exitCode] */
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** @param {string} file */
export function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The first executable named `name` on PATH, like `command -v`.
 * @param {string} name @param {string | undefined} pathVar
 */
export function findOnPath(name, pathVar) {
  for (const dir of (pathVar ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/** A loopback port nothing listens on right now. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Keeps the last lines a child printed, for the error message when it fails. */
export class TailBuffer {
  /** @param {number} max */
  constructor(max) {
    this.max = max;
    /** @type {string[]} */
    this.lines = [];
    this.partial = '';
  }

  /** @param {string} text */
  push(text) {
    const parts = (this.partial + text).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) this.lines.push(line);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }

  /** @param {number} n */
  last(n) {
    return [...this.lines, ...(this.partial.trim() ? [this.partial] : [])].slice(-n);
  }
}
