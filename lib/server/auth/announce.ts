import 'server-only';
// What the terminal (or the Colab cell) shows once the app listens: a one-time sign-in link, and the
// token for scripts. The start script calls the function registered here with the URL it serves on; a
// tunnel calls it again with the public URL.
import { getCredentials } from './credentials';
import { createSignInCode } from './sign-in-codes';

const KEY = Symbol.for('vlm-console.announce');

export function signInLink(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/sign-in#code=${createSignInCode()}`;
}

export function registerAnnouncer(): void {
  (globalThis as { [KEY]?: (baseUrl: string) => string })[KEY] = (baseUrl: string) => {
    const credentials = getCredentials();
    const link = signInLink(baseUrl);
    const lines = [
      '',
      `  Sign in (one-time link, valid 24 h): ${link}`,
      credentials.tokenSource === 'env'
        ? '  Access token: the value of VLM_CONSOLE_TOKEN'
        : `  Access token${credentials.created ? ' (new)' : ''}: ${credentials.token}   (also in ${process.env.VLM_CONSOLE_DATA_DIR ?? './.data'}/access-token)`,
      '  Scripts: send it as "Authorization: Bearer <token>".',
      '',
    ];
    console.log(lines.join('\n'));
    return link;
  };
}
