import { describe, expect, it } from 'vitest';
import { ChunkedDecodeError, ChunkedDecoder } from './chunked-decoder';

const events = Array.from(
  { length: 40 },
  (_, i) => `data: {"id":"c","choices":[{"delta":{"content":"t${i} é"}}]}\n\n`,
);
const chunked = (parts: string[], tail = '0\r\n\r\n') =>
  Buffer.concat([
    ...parts.map((p) => {
      const bytes = Buffer.from(p);
      return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
    }),
    Buffer.from(tail),
  ]);

function decodeIn(given: Buffer, cuts: number[]): { text: string; done: boolean } {
  const wire = Buffer.from(given); // decoded in place
  const decoder = new ChunkedDecoder();
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, wire.length]) {
    out.push(decoder.push(wire.subarray(from, cut)));
    from = cut;
  }
  return { text: Buffer.concat(out).toString('utf8'), done: decoder.done };
}

describe('ChunkedDecoder', () => {
  it('gives back the engine’s events byte for byte, read whole or a byte at a time', () => {
    const wire = chunked(events);
    expect(decodeIn(wire, [])).toEqual({ text: events.join(''), done: true });
    const everyByte = Array.from({ length: wire.length - 1 }, (_, i) => i + 1);
    expect(decodeIn(wire, everyByte)).toEqual({ text: events.join(''), done: true });
  });

  it('decodes the same whatever single point a network read is cut at', () => {
    const wire = chunked(events.slice(0, 3));
    for (let cut = 1; cut < wire.length; cut++) {
      expect(decodeIn(wire, [cut]).text).toBe(events.slice(0, 3).join(''));
    }
  });

  it('skips chunk extensions, reads upper-case sizes and drops trailer fields', () => {
    const wire = Buffer.from('5;name=value\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\n');
    expect(decodeIn(wire, [7, 20])).toEqual({ text: 'hello0123456789', done: true });
  });

  it('is not done until the last chunk has come, and ignores bytes after it', () => {
    expect(decodeIn(chunked(['abc'], ''), []).done).toBe(false);
    expect(decodeIn(Buffer.from('3\r\nabc\r\n0\r\n\r\ngarbage'), [])).toEqual({ text: 'abc', done: true });
  });

  it('refuses a body that is not chunked coding', () => {
    expect(() => new ChunkedDecoder().push(Buffer.from('zz\r\nabc\r\n'))).toThrow(ChunkedDecodeError);
    expect(() => new ChunkedDecoder().push(Buffer.from('3\r\nabcX\r\n'))).toThrow(ChunkedDecodeError);
    expect(() => new ChunkedDecoder().push(Buffer.from(`${'f'.repeat(13)}\r\n`))).toThrow(ChunkedDecodeError);
  });
});
