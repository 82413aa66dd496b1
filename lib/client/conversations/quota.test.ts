import { describe, expect, it } from 'vitest';
import { isQuotaError, storageErrorMessage } from './quota';

describe('storage errors', () => {
  it('recognises a full disk however it is wrapped', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(dom)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('says what to do about it', () => {
    expect(storageErrorMessage(new DOMException('full', 'QuotaExceededError'))).toMatch(
      /full.*Export and delete/,
    );
    expect(storageErrorMessage(new Error('boom'))).toContain('boom');
  });
});
