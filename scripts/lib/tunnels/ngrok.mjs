// `--tunnel ngrok`: an ngrok endpoint through the `@ngrok/ngrok` package (the agent as a native Node addon,
// shipped inside npm per platform — no separate download). An optional dependency, imported only here, so
// the app runs where it did not install. ngrok has no anonymous mode: without NGROK_AUTHTOKEN it refuses.
// Free accounts show browsers a one-time warning page before the app (README "Access modes").
import { TunnelError } from './common.mjs';

/** @typedef {import('./common.mjs').Tunnel} Tunnel @typedef {import('./common.mjs').PrepareOptions} PrepareOptions */

/**
 * @typedef {object} NgrokListener
 * @property {() => string | null} url
 * @property {() => Promise<void>} close
 */

/** @param {PrepareOptions} options @returns {Promise<Tunnel>} */
export async function prepare({ env }) {
  if (!env.NGROK_AUTHTOKEN) {
    throw new TunnelError(
      '--tunnel ngrok needs NGROK_AUTHTOKEN: copy your authtoken from https://dashboard.ngrok.com ' +
        '(a free account works) and run NGROK_AUTHTOKEN=<token> npm start -- --tunnel ngrok.',
    );
  }
  /** @type {{ forward(options: Record<string, unknown>): Promise<NgrokListener> }} */
  let ngrok;
  try {
    // A variable specifier keeps bundlers and type checkers from insisting the optional package exists.
    const specifier = '@ngrok/ngrok';
    ngrok = await import(specifier);
  } catch (error) {
    throw new TunnelError(
      `--tunnel ngrok needs the @ngrok/ngrok package, which did not load (${/** @type {Error} */ (error).message.split('\n')[0]}): ` +
        'run npm install @ngrok/ngrok.',
    );
  }
  return {
    name: 'ngrok',
    async open(localUrl) {
      const { host, port } = new URL(localUrl);
      const listener = await ngrok.forward({ addr: `${host}:${port}`, authtoken_from_env: true });
      const url = listener.url();
      if (!url) throw new Error('ngrok opened an endpoint but reported no URL');
      return {
        url,
        // The agent lives in this process and dies with it; closing only makes a clean exit quicker.
        close: () => void listener.close().catch(() => {}),
      };
    },
  };
}
