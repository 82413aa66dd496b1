import { describe, expect, it } from 'vitest';
import { estimateImageTokens, planResize } from '@/lib/images/resize-plan';
import {
  encodeChoices,
  FAST_QUALITY,
  mayKeepOriginal,
  ORIGINAL_QUALITY,
  pickSmallest,
  resizeLimitsFor,
} from './image-prepare';

const ernie = { maxPixels: 4_816_896, tokenPatch: 28 };
const small = { maxPixels: 1_003_520, tokenPatch: 28 };

describe('resizeLimitsFor', () => {
  it('caps at ~1.5 MP by default and snaps sides to the model patch', () => {
    const limits = resizeLimitsFor(ernie, 'fast');
    expect(limits).toEqual({ maxPixels: 1_500_000, maxSide: 2048, multipleOf: 28 });
    // A 12 MP phone photo comes down to whole patches within the cap, aspect ratio kept.
    const plan = planResize(4000, 3000, limits);
    expect(plan.width * plan.height).toBeLessThanOrEqual(1_500_000);
    expect(plan.width % 28).toBe(0);
    expect(plan.height % 28).toBe(0);
    expect(plan.width / plan.height).toBeCloseTo(4 / 3, 1);
    expect(estimateImageTokens(plan.width, plan.height, 28)).toBe((plan.width / 28) * (plan.height / 28));
  });

  it('follows a model that uses fewer pixels than the default cap', () => {
    expect(resizeLimitsFor(small, 'fast').maxPixels).toBe(1_003_520);
  });

  it('sends up to the model limit, sides untouched, for "send original"', () => {
    const limits = resizeLimitsFor(ernie, 'original');
    expect(limits).toMatchObject({ maxPixels: 4_816_896, multipleOf: 1 });
    expect(planResize(1999, 1001, limits)).toEqual({ width: 1999, height: 1001, resized: false });
    expect(planResize(4000, 3000, limits).width * planResize(4000, 3000, limits).height).toBeLessThanOrEqual(
      4_816_896,
    );
  });

  it('falls back to the default cap without a profile', () => {
    expect(resizeLimitsFor(null, 'fast')).toEqual({ maxPixels: 1_500_000, maxSide: 2048, multipleOf: 1 });
  });
});

describe('encodeChoices', () => {
  it('tries lossless PNG first for PNG sources (screenshots), JPEG for photos and the rest', () => {
    expect(encodeChoices('png', 'fast')).toEqual([
      { type: 'image/png' },
      { type: 'image/jpeg', quality: FAST_QUALITY },
    ]);
    for (const type of ['jpeg', 'webp', 'gif', 'bmp'] as const) {
      expect(encodeChoices(type, 'fast')).toEqual([{ type: 'image/jpeg', quality: FAST_QUALITY }]);
    }
    expect(encodeChoices('jpeg', 'original')).toEqual([{ type: 'image/jpeg', quality: ORIGINAL_QUALITY }]);
    expect(FAST_QUALITY).toBeGreaterThanOrEqual(0.8);
    expect(ORIGINAL_QUALITY).toBeGreaterThan(FAST_QUALITY);
  });
});

describe('mayKeepOriginal', () => {
  it('keeps only upright JPEG and PNG files as they are', () => {
    expect(mayKeepOriginal('jpeg', 1)).toBe(true);
    expect(mayKeepOriginal('png', 1)).toBe(true);
    expect(mayKeepOriginal('jpeg', 6)).toBe(false);
    expect(mayKeepOriginal('bmp', 1)).toBe(false);
    expect(mayKeepOriginal('gif', 1)).toBe(false);
  });
});

describe('pickSmallest', () => {
  it('takes the smallest, and the earlier one on a tie (PNG over JPEG)', () => {
    const png = { name: 'png', size: 100 };
    const jpeg = { name: 'jpeg', size: 100 };
    expect(pickSmallest([png, jpeg])).toBe(png);
    expect(pickSmallest([png, { name: 'jpeg', size: 99 }])?.name).toBe('jpeg');
    expect(pickSmallest([])).toBeUndefined();
  });
});
