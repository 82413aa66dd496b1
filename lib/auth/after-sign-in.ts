// Where the browser goes after signing in. `next` comes from a link anyone can craft, and browsers read
// `\` as `/` and drop tabs and newlines, so a prefix check on the raw text is not enough: the value is
// resolved the way the browser will resolve it and kept only when it lands on this very origin.

/** The absolute URL to go to: `next` when it resolves to this origin, the home page otherwise. */
export function afterSignInUrl(next: string | null | undefined, origin: string): string {
  const home = new URL('/', origin).href;
  if (!next) return home;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return home;
  }
  // The absolute href, not the path: a path such as `//evil.example` would leave the origin again.
  return url.origin === new URL(origin).origin ? url.href : home;
}
