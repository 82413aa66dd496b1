import { describe, expect, it } from 'vitest';
import { estimateImageTokens, planResize } from './resize-plan';

describe('planResize', () => {
  it('downsizes a 12 MP phone photo to the pixel budget, keeping the aspect ratio', () => {
    const plan = planResize(4000, 3000, { maxPixels: 1_500_000, maxSide: 2048 });
    expect(plan.resized).toBe(true);
    expect(plan.width * plan.height).toBeLessThanOrEqual(1_500_000);
    expect(plan.width * plan.height).toBeGreaterThan(1_400_000);
    expect(plan.width / plan.height).toBeCloseTo(4 / 3, 2);
  });

  it('honours the longest side for panoramas', () => {
    const plan = planResize(12000, 1000, { maxPixels: 4_000_000, maxSide: 2048 });
    expect(plan.width).toBe(2048);
    expect(plan.height).toBe(170);
  });

  it('never upscales', () => {
    expect(planResize(640, 480)).toEqual({ width: 640, height: 480, resized: false });
  });

  it('rounds sides down to the model’s patch multiple', () => {
    const plan = planResize(4000, 3000, { maxPixels: 1_500_000, maxSide: 4096, multipleOf: 28 });
    expect(plan.width % 28).toBe(0);
    expect(plan.height % 28).toBe(0);
    expect(plan.width * plan.height).toBeLessThanOrEqual(1_500_000);
  });

  it('keeps tiny images at least one patch', () => {
    expect(planResize(10, 10, { maxPixels: 1e6, maxSide: 1e4, multipleOf: 28 })).toEqual({
      width: 28,
      height: 28,
      resized: true,
    });
  });
});

describe('estimateImageTokens', () => {
  it('counts 28×28 blocks after rounding', () => {
    expect(estimateImageTokens(1400, 1050)).toBe(50 * 38);
    expect(estimateImageTokens(28, 28)).toBe(1);
    expect(estimateImageTokens(0, 100)).toBe(0);
  });
});
