import { describe, expect, it } from 'vitest';
import { createMasker } from './mask-secrets';

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
