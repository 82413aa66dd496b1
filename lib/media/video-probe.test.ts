import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { probeVideo } from './video-probe.mjs';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/media/${name}`));

describe('probeVideo', () => {
  it('reads an MP4 (moov first): container, size, duration', () => {
    expect(probeVideo(fixture('clip-320x240.mp4'))).toEqual({
      container: 'mp4',
      width: 320,
      height: 240,
      durationS: 2,
    });
  });

  it('reads a QuickTime MOV whose moov comes after the media data', () => {
    const info = probeVideo(fixture('clip-176x144.mov'));
    expect(info).toMatchObject({ container: 'mov', width: 176, height: 144 });
    expect(info?.durationS).toBeCloseTo(1, 1);
  });

  it('reads a WebM: EBML doctype, Tracks, Info duration', () => {
    const info = probeVideo(fixture('clip-160x120.webm'));
    expect(info).toMatchObject({ container: 'webm', width: 160, height: 120 });
    expect(info?.durationS).toBeCloseTo(1, 1);
  });

  it('refuses what is not a clip, and survives cut or hostile headers', () => {
    expect(probeVideo(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(probeVideo(new Uint8Array(0))).toBeNull();
    const cut = fixture('clip-320x240.mp4').subarray(0, 40);
    expect(probeVideo(cut)).toMatchObject({ container: 'mp4', width: 0, height: 0 });
    const huge = new Uint8Array(24);
    huge.set([0, 0, 0, 1, 0x66, 0x74, 0x79, 0x70, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(probeVideo(huge)).toMatchObject({ container: 'mp4', width: 0 });
    const webm = fixture('clip-160x120.webm').subarray(0, 30);
    expect(probeVideo(webm)?.container).toBe('webm');
  });
});
