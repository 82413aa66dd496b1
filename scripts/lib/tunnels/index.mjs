// Access modes of `npm start -- --tunnel <mode>`: which module knows which tunnel program, what every
// tunnel mode changes in the app's environment, and the tunnel's life next to the app's (start once the app
// listens, print the public sign-in link, restart a tunnel that dies, end it when the app exits).
import { TunnelError } from './common.mjs';

export { TunnelError };

/** @typedef {import('./common.mjs').Tunnel} Tunnel @typedef {import('./common.mjs').PrepareOptions} PrepareOptions */

const MODULES = {
  colab: () => import('./colab.mjs'),
  cloudflare: () => import('./cloudflare.mjs'),
  ngrok: () => import('./ngrok.mjs'),
};
const MAX_RESTARTS = 3;
const RESTART_DELAY_MS = 5000;

/**
 * Checks that the mode can work here and sets its environment defaults, before Next.js reads them.
 * @param {import('../start-args.mjs').TunnelMode} mode
 * @param {PrepareOptions} options `env` is written to: pass process.env
 * @returns {Promise<Tunnel | null>}
 */
export async function prepareTunnel(mode, options) {
  if (mode === 'none') return null;
  const tunnel = await (await MODULES[mode]()).prepare(options);
  // Every tunnel client reaches the app over loopback and says who the browser is in X-Forwarded-For; without
  // trusting it, all visitors would share one sign-in rate limit. A value the user set is theirs to keep.
  const defaults = { VLM_CONSOLE_TRUSTED_PROXIES: 'loopback', ...tunnel.env };
  for (const [name, value] of Object.entries(defaults)) {
    if (!options.env[name]) options.env[name] = value;
  }
  return tunnel;
}

/**
 * @param {Tunnel} tunnel
 * @param {string} localUrl where the app listens
 * @param {((baseUrl: string) => string) | undefined} announce prints a sign-in link for a base URL
 */
export function runTunnel(tunnel, localUrl, announce) {
  /** @type {import('./common.mjs').OpenTunnel | null} */
  let current = null;
  let restarts = 0;
  let exiting = false;
  process.on('exit', () => {
    exiting = true;
    current?.close();
  });

  /** @param {string} reason */
  const onLost = (reason) => {
    current = null;
    if (exiting) return;
    console.error(`The ${tunnel.name} tunnel ended: ${reason}`);
    if (restarts >= MAX_RESTARTS) {
      console.error(`Not restarting it again; restart the app (npm start -- --tunnel ${tunnel.name}).`);
      return;
    }
    restarts++;
    console.error(
      `Restarting it in ${RESTART_DELAY_MS / 1000} s (${restarts}/${MAX_RESTARTS}); the public URL changes.`,
    );
    setTimeout(() => void open(false), RESTART_DELAY_MS);
  };

  /** @param {boolean} first */
  const open = async (first) => {
    try {
      current = await tunnel.open(localUrl, onLost);
    } catch (error) {
      const message = /** @type {Error} */ (error).message;
      if (!first) return onLost(`it did not come back: ${message}`);
      // Nobody can reach the app the way they asked to: say so and stop, rather than idle unreachable.
      console.error(`The ${tunnel.name} tunnel did not start: ${message}`);
      process.exit(1);
    }
    if (exiting) return current.close();
    if (current.url) {
      console.log(`\nPublic URL (${tunnel.name}): ${current.url}`);
      announce?.(current.url);
    }
    if (current.note) console.log(current.note);
  };

  void open(true);
}
