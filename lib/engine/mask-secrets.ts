// Replaces secrets (the engine's API key, HF_TOKEN, the app's access token) wherever they appear in text
// shown to people: log lines, the command line, downloaded logs.
export const MASK = '***';

/** Secrets shorter than this are not masked: replacing every "ab" in a log would destroy it. */
const MIN_SECRET_LENGTH = 8;

export function createMasker(secrets: readonly (string | null | undefined)[]): (text: string) => string {
  const list = [
    ...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH)),
  ];
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const secret of list) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  };
}
