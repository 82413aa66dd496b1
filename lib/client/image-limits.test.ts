import { describe, expect, it } from 'vitest';
import { admitImages, composerImageLimits, overLimit } from './image-limits';

const ernie = { maxImagesPerMessage: 4, maxPixels: 4_816_896, tokenPatch: 28 };

describe('composerImageLimits', () => {
  it('takes the running engine limit over the profile default', () => {
    expect(composerImageLimits({ imagesPerPrompt: 2 }, ernie)).toEqual({
      maxImages: 2,
      maxPixels: 4_816_896,
      tokenPatch: 28,
    });
    expect(composerImageLimits({ imagesPerPrompt: 0 }, ernie).maxImages).toBe(0);
  });

  it('uses the profile when the engine does not say (or says nonsense)', () => {
    expect(composerImageLimits(null, ernie).maxImages).toBe(4);
    expect(composerImageLimits({ imagesPerPrompt: '3' }, ernie).maxImages).toBe(4);
    expect(composerImageLimits({ imagesPerPrompt: -1 }, ernie).maxImages).toBe(4);
  });

  it('has sensible values with neither', () => {
    expect(composerImageLimits(undefined, null)).toEqual({
      maxImages: 4,
      maxPixels: 1_500_000,
      tokenPatch: 28,
    });
  });
});

describe('admitImages', () => {
  it('admits what fits and names the files that do not', () => {
    expect(admitImages(0, ['a.png', 'b.png'], 4)).toEqual({ admitted: 2, refusal: null });
    const over = admitImages(1, ['a.png', 'b.png', 'c.png'], 2);
    expect(over.admitted).toBe(1);
    expect(over.refusal).toBe(
      'The running model takes at most 2 images per message. Not added: “b.png”, “c.png”.',
    );
  });

  it('explains a model launched without images', () => {
    const none = admitImages(0, ['a.png'], 0);
    expect(none.admitted).toBe(0);
    expect(none.refusal).toMatch(/takes no images.*“a\.png”/);
  });

  it('says at most 1 image, singular', () => {
    expect(admitImages(1, ['x.jpg'], 1).refusal).toMatch(/at most 1 image per message/);
  });
});

describe('overLimit', () => {
  it('blocks a message that has more images than a relaunched engine takes', () => {
    expect(overLimit(2, 4)).toBeNull();
    expect(overLimit(4, 4)).toBeNull();
    expect(overLimit(3, 2)).toBe(
      'This message has 3 images; the running model takes at most 2 images per message. Remove 1.',
    );
  });
});

describe('image sizes in words', async () => {
  const { formatBytes, formatImageSize } = await import('./image-format');
  it('rounds to what a person reads at a glance', () => {
    expect(formatBytes(912)).toBe('912 B');
    expect(formatBytes(183_204)).toBe('183 KB');
    expect(formatBytes(5_123_456)).toBe('5.1 MB');
    expect(formatImageSize({ width: 4000, height: 3000, bytes: 5_123_456 })).toBe('4000×3000 · 5.1 MB');
  });
});
