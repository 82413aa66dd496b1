// Command line of `npm start` (scripts/start.mjs). Parsed before anything else starts, so a typo costs a
// second, not a Next.js boot.

export const TUNNEL_MODES = /** @type {const} */ (['none', 'colab', 'cloudflare', 'ngrok']);

/** @typedef {(typeof TUNNEL_MODES)[number]} TunnelMode */

/**
 * @typedef {object} StartArgs
 * @property {TunnelMode} tunnel how the browser reaches the app
 * @property {boolean} installCloudflared download cloudflared into the data dir when it is missing
 */

export const USAGE =
  'usage: npm start -- [--tunnel none|colab|cloudflare|ngrok] [--install-cloudflared]   (or VLM_CONSOLE_TUNNEL)';

export class UsageError extends Error {}

/**
 * @param {string[]} argv the arguments after the script name
 * @param {Record<string, string | undefined>} env
 * @returns {StartArgs}
 */
export function parseStartArgs(argv, env) {
  /** @type {string | undefined} */
  let tunnel = env.VLM_CONSOLE_TUNNEL || undefined;
  let installCloudflared = env.VLM_CONSOLE_CLOUDFLARED_INSTALL === '1';
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    if (arg === '--tunnel') {
      tunnel = argv[++i];
      if (tunnel === undefined || tunnel.startsWith('--'))
        throw new UsageError(`--tunnel needs a value. ${USAGE}`);
    } else if (arg.startsWith('--tunnel=')) {
      tunnel = arg.slice('--tunnel='.length);
    } else if (arg === '--install-cloudflared') {
      installCloudflared = true;
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError(USAGE);
    } else {
      throw new UsageError(`Unknown argument "${arg}". ${USAGE}`);
    }
  }
  const mode = tunnel ?? 'none';
  if (!isTunnelMode(mode)) {
    throw new UsageError(`Unknown tunnel mode "${mode}": use one of ${TUNNEL_MODES.join(', ')}.`);
  }
  return { tunnel: mode, installCloudflared };
}

/** @param {string} value @returns {value is TunnelMode} */
function isTunnelMode(value) {
  return /** @type {readonly string[]} */ (TUNNEL_MODES).includes(value);
}
