import { describe, expect, it } from 'vitest';
import { PROFILES } from '@/lib/engine/profiles';
import { formatPageRange, pageScale, pageTokens, parsePageRange } from './pdf-pages';
import { estimateVideoTokens, planClip } from './video-tokens';

const qwen = PROFILES.find((p) => p.id === 'qwen2.5-vl-7b')?.video;
if (!qwen) throw new Error('the Qwen profile takes video');

describe('page ranges', () => {
  it('reads what people type', () => {
    expect(parsePageRange('3–7', 20)).toEqual([3, 4, 5, 6, 7]);
    expect(parsePageRange('1, 4-5, 9 9', 20)).toEqual([1, 4, 5, 9]);
    expect(parsePageRange('all', 3)).toEqual([1, 2, 3]);
    expect(parsePageRange('18-30', 20)).toEqual([18, 19, 20]);
    expect(parsePageRange('7-3', 20)).toBeNull();
    expect(parsePageRange('abc', 20)).toBeNull();
    expect(parsePageRange('', 20)).toBeNull();
    expect(formatPageRange([1, 2, 3, 5, 7, 8])).toBe('1–3, 5, 7–8');
  });

  it('renders a Letter page near 150 dpi, within the model’s pixels', () => {
    expect(pageScale(612, 792, 4_816_896)).toBeCloseTo(150 / 72, 1);
    const small = pageScale(612, 792, 1_003_520);
    expect(612 * small * 792 * small).toBeLessThanOrEqual(1_003_520 + 1);
    expect(pageTokens(1275, 1650)).toBe(46 * 59);
  });
});

describe('video plans', () => {
  it('estimates tokens from sampled frames and frame size', () => {
    // 10 s at 2 fps = 20 frames = 10 groups; 320×240 → 11×9 patches (snapped to 308×252).
    expect(estimateVideoTokens({ width: 320, height: 240, durationS: 10, bytes: 1 }, qwen)).toBe(10 * 11 * 9);
  });

  it('downscales 1080p to the frame size the model uses, keeps a small clip as it is', () => {
    const big = planClip({ width: 1920, height: 1080, durationS: 30, bytes: 40_000_000 }, qwen, 30_000_000);
    expect(big.transcode).toBe(true);
    expect(big.width * big.height).toBeLessThanOrEqual(qwen.maxFramePixels * 1.01);
    expect(big.originalFits).toBe(false);
    const small = planClip({ width: 320, height: 240, durationS: 2, bytes: 11_516 }, qwen, 30_000_000);
    expect(small).toMatchObject({ transcode: false, width: 320, height: 240, originalFits: true });
  });

  it('trims a clip longer than the frames the model samples', () => {
    const long = planClip({ width: 640, height: 360, durationS: 900, bytes: 1_000_000 }, qwen, 30_000_000);
    expect(long).toMatchObject({ transcode: true, trimToS: qwen.maxFrames / qwen.sampleFps });
  });
});
