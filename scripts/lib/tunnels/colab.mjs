// `--tunnel colab`: Colab's own port proxy, the access Colab's terms allow. Only the notebook can ask for the
// proxied address (google.colab.kernel.proxyPort runs in the browser, through the notebook's frontend), so
// there is nothing to start here: the app lets Colab's output frame embed it, and the notebook reads the
// sign-in code from this process's log and joins it to the address it got.
/** @typedef {import('./common.mjs').Tunnel} Tunnel */

/** @returns {Promise<Tunnel>} */
export async function prepare() {
  return {
    name: 'colab',
    env: { VLM_CONSOLE_ALLOW_COLAB_FRAME: '1' },
    async open(localUrl) {
      const port = new URL(localUrl).port;
      return {
        note:
          `Colab mode: the notebook shows the link (google.colab.kernel.proxyPort(${port})); the sign-in code ` +
          'printed above works under that address too.',
        close: () => {},
      };
    },
  };
}
