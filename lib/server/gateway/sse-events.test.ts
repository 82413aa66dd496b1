import { describe, expect, it, vi } from 'vitest';
import { EventCutter, firstBoundaryEnd } from './sse-events';

const token = (i: number, eol: string) =>
  `data: {"id":"c","choices":[{"index":0,"delta":{"content":"t${i} é"}}]}${eol}${eol}`;
const usage = (eol: string) =>
  `data: {"id":"c","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":40,"total_tokens":43}}${eol}${eol}`;

/** A seeded split of `wire` into reads of 1 to 300 bytes. */
function reads(wire: Buffer, seed: number): Buffer[] {
  const out: Buffer[] = [];
  let state = seed;
  for (let at = 0; at < wire.length; ) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const size = 1 + (state % 300);
    out.push(wire.subarray(at, at + size));
    at += size;
  }
  return out;
}

describe('EventCutter', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`gives back whole events only, byte for byte, however the reads cut them (${JSON.stringify(eol)})`, () => {
      const events = Array.from({ length: 40 }, (_, i) => token(i, eol));
      const wire = Buffer.from(`${events.join('')}data: [DONE]${eol}${eol}`);
      for (let seed = 1; seed <= 25; seed++) {
        const cutter = new EventCutter(false, vi.fn());
        const out: string[] = [];
        for (const read of reads(wire, seed)) {
          for (const piece of cutter.push(read)) {
            const text = piece.toString('utf8');
            expect(text.endsWith(`${eol}${eol}`)).toBe(true);
            out.push(text);
          }
        }
        expect(out.join('')).toBe(wire.toString('utf8'));
        expect(cutter.rest()).toBeUndefined();
      }
    });
  }

  it('counts usage and drops the usage-only chunk it was asked to, wherever the reads cut it', () => {
    const wire = Buffer.from(`${token(1, '\n')}${usage('\n')}data: [DONE]\n\n`);
    for (let seed = 1; seed <= 25; seed++) {
      const cutter = new EventCutter(true, vi.fn());
      const text = reads(wire, seed)
        .flatMap((read) => cutter.push(read))
        .map((b) => b.toString('utf8'))
        .join('');
      expect(text).toBe(`${token(1, '\n')}data: [DONE]\n\n`);
      expect(cutter.totalTokens).toBe(43);
    }
  });

  it('reports an error event and keeps an unfinished event for the end', () => {
    const onError = vi.fn();
    const cutter = new EventCutter(false, onError);
    cutter.push(Buffer.from('data: {"error":{"message":"boom"}}\n\ndata: {"partial":'));
    expect(onError).toHaveBeenCalledWith('boom');
    expect(cutter.rest()).toBe('data: {"partial":');
  });
});

describe('firstBoundaryEnd', () => {
  it('finds a boundary that begins before the read', () => {
    expect(firstBoundaryEnd(Buffer.from('}\n'), Buffer.from('\ndata'))).toBe(1);
    expect(firstBoundaryEnd(Buffer.from('}\r\n\r'), Buffer.from('\ndata'))).toBe(1);
    expect(firstBoundaryEnd(Buffer.from('}\r'), Buffer.from('\n\r\nx\n\n'))).toBe(3);
    expect(firstBoundaryEnd(Buffer.from('}'), Buffer.from('x\n\ny\n\n'))).toBe(3);
    expect(firstBoundaryEnd(Buffer.from('}'), Buffer.from('no end'))).toBe(-1);
  });
});
