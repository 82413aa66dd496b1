import { describe, expect, it } from 'vitest';
import { afterSignInUrl } from './after-sign-in';

const ORIGIN = 'https://calm-river.trycloudflare.com';

describe('afterSignInUrl', () => {
  it.each([
    ['/chat?x=1#y', `${ORIGIN}/chat?x=1#y`],
    ['/', `${ORIGIN}/`],
    [null, `${ORIGIN}/`],
    ['', `${ORIGIN}/`],
  ])('keeps a path of this site: %s', (next, expected) => {
    expect(afterSignInUrl(next, ORIGIN)).toBe(expected);
  });

  it.each([
    '/\\evil.example/x',
    '/\t/evil.example/x',
    '/\n/evil.example/x',
    '//evil.example/x',
    '\\\\evil.example/x',
    'https://evil.example/x',
    'javascript:alert(1)',
    '/.//evil.example/x',
    ' //evil.example',
    'http://calm-river.trycloudflare.com/x',
  ])('sends a crafted next (%j) home, never to another origin', (next) => {
    const url = new URL(afterSignInUrl(next, ORIGIN));
    expect(url.origin).toBe(ORIGIN);
  });

  it('the browser-normalised forms of the reported links go home', () => {
    expect(afterSignInUrl('/\\evil.example/x', ORIGIN)).toBe(`${ORIGIN}/`);
    expect(afterSignInUrl('/\t/evil.example/x', ORIGIN)).toBe(`${ORIGIN}/`);
  });
});
