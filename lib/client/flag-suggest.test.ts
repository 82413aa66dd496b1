import { describe, expect, it } from 'vitest';
import { acceptFlag, suggestFlags } from './flag-suggest';

const FLAGS = ['--enable-prefix-caching', '--no-enable-prefix-caching', '--enforce-eager', '--seed'];

describe('flag suggestions', () => {
  it('suggests flags for the word being typed, prefix matches first', () => {
    expect(suggestFlags('--seed 1 --enable-pre', FLAGS)).toEqual([
      '--enable-prefix-caching',
      '--no-enable-prefix-caching',
    ]);
    expect(suggestFlags('--en', FLAGS)).toEqual([
      '--enable-prefix-caching',
      '--enforce-eager',
      '--no-enable-prefix-caching',
    ]);
  });

  it('suggests nothing after a space, for a value, or for a flag already there', () => {
    expect(suggestFlags('--seed ', FLAGS)).toEqual([]);
    expect(suggestFlags('--seed 1', FLAGS)).toEqual([]);
    expect(suggestFlags('--seed 1 --se', FLAGS)).toEqual([]);
  });

  it('replaces the typed word with the flag', () => {
    expect(acceptFlag('--seed 1 --enable-pre', '--enable-prefix-caching')).toBe(
      '--seed 1 --enable-prefix-caching ',
    );
  });
});
