// Downloads cloudflared's release binary when the user asked for it (`--install-cloudflared`, or
// VLM_CONSOLE_CLOUDFLARED_INSTALL=1, which the Colab notebook sets). Opt-in on purpose: fetching and running
// a program from the internet is the user's call, and machines that cannot reach GitHub (CI here) must get
// the install hint, not a hanging download.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TunnelError } from './common.mjs';

const ARCH = /** @type {Record<string, string>} */ ({
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386',
});

/**
 * @param {string} target where the binary goes (the data dir's bin/cloudflared)
 * @param {(line: string) => void} log
 * @returns {Promise<string>} the installed binary
 */
export async function installCloudflared(target, log) {
  const arch = ARCH[process.arch];
  if (process.platform !== 'linux' || !arch) {
    throw new TunnelError(
      `cloudflared not found, and --install-cloudflared only knows Linux builds (this is ${process.platform}/${process.arch}): ` +
        'install it yourself (macOS: brew install cloudflared) or set VLM_CONSOLE_CLOUDFLARED.',
    );
  }
  const url = `https://github.com/cloudflare/cloudflared/releases/latest/download/cloudflared-linux-${arch}`;
  log(`Downloading cloudflared from ${url} …`);
  let body;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(180_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = Buffer.from(await res.arrayBuffer());
  } catch (error) {
    throw new TunnelError(
      `Could not download cloudflared (${/** @type {Error} */ (error).message}) from ${url}: ` +
        'install it by hand and set VLM_CONSOLE_CLOUDFLARED to its path.',
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, body, { mode: 0o755 });
  try {
    // A truncated or HTML "binary" fails here rather than as a puzzling tunnel error later.
    const version = execFileSync(partial, ['--version'], { encoding: 'utf8', timeout: 15_000 }).trim();
    fs.renameSync(partial, target);
    log(`Installed ${version} at ${target}`);
    return target;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new TunnelError(
      `The downloaded cloudflared does not run (${/** @type {Error} */ (error).message.split('\n')[0]}): ` +
        'install it by hand and set VLM_CONSOLE_CLOUDFLARED to its path.',
    );
  }
}
