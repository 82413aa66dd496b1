// Replaces secrets (the engine's API key, HF_TOKEN, the app's access token) wherever they appear in text
// shown to people: log lines, the command line, downloaded logs.
export const MASK = '***';

/** Secrets shorter than this are not masked: replacing every "ab" in a log would destroy it. */
const MIN_SECRET_LENGTH = 8;

export function createMasker(secrets: readonly (string | null | undefined)[]): (text: string) => string {
  const list = [
    ...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH)),
  ];
  return (text) => {
    let out = maskUrlCredentials(text);
    for (const secret of list) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  };
}

/** `scheme://user:password@host` and `scheme://token@host`: whatever stands before the `@` is a secret. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

/** Credentials written into URLs (an external server's `https://user:pass@host`), wherever they appear. */
export function maskUrlCredentials(text: string): string {
  return text.includes('@') ? text.replace(URL_CREDENTIALS, `$1${MASK}@`) : text;
}
