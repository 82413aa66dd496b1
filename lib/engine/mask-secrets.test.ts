import { describe, expect, it } from 'vitest';
import { createMasker, maskUrlCredentials } from './mask-secrets';

describe('createMasker', () => {
  const mask = createMasker([
    'sk-engine-key-123456',
    'hf_abcdefghijklmnop',
    'access-token-zyx987',
    undefined,
    'ab',
  ]);

  it('masks each secret wherever it appears, as often as it appears', () => {
    const line =
      "non-default args: {'api_key': ['sk-engine-key-123456']} HF_TOKEN=hf_abcdefghijklmnop access-token-zyx987 sk-engine-key-123456";
    const masked = mask(line);
    expect(masked).not.toContain('sk-engine-key-123456');
    expect(masked).not.toContain('hf_abcdefghijklmnop');
    expect(masked).not.toContain('access-token-zyx987');
    expect(masked.match(/\*\*\*/g)).toHaveLength(4);
  });

  it('leaves other text alone, and ignores secrets too short to mask safely', () => {
    expect(mask('Loading weights: ab cd')).toBe('Loading weights: ab cd');
  });
});

describe('credentials in URLs', () => {
  const mask = createMasker([]);

  it('masks user:password and a bare token before the @, and keeps the rest of the URL', () => {
    expect(mask('Ready: big answers on https://alice:s3cr3t-pass@cluster.example:8443')).toBe(
      'Ready: big answers on https://***@cluster.example:8443',
    );
    expect(maskUrlCredentials('http://ghp_token123456@host/v1 and http://u:p@other')).toBe(
      'http://***@host/v1 and http://***@other',
    );
  });

  it('leaves URLs without credentials and plain e-mail addresses alone', () => {
    expect(mask('GET http://127.0.0.1:8000/v1/models?x=a@b')).toBe(
      'GET http://127.0.0.1:8000/v1/models?x=a@b',
    );
    expect(mask('mail owner@example.com')).toBe('mail owner@example.com');
  });
});
