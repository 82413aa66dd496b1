// HTTP/1.1 chunked transfer coding (RFC 9112 §7.1), decoded a network read at a time: every chunk's bytes
// that a read completes come out as one buffer. node:http hands each chunk over on its own, and an engine
// streaming at full speed sends one chunk per token, so that costs a callback, a buffer and a stream push
// per token; here the read is decoded in place and goes on as one buffer. Chunk extensions are skipped, trailer fields are read and
// dropped (nothing in an engine's answer needs them).

const CR = 0x0d;
const LF = 0x0a;
/** A size or trailer line longer than this is not an engine's answer. */
const MAX_LINE = 8192;
/** Hex digits of a chunk size: 12 are 2^48 bytes, far past any answer. */
const MAX_SIZE_DIGITS = 12;
const SIZE = new RegExp(`^[0-9a-fA-F]{1,${MAX_SIZE_DIGITS}}$`);

type State = 'size' | 'data' | 'data-end' | 'trailer' | 'done';

export class ChunkedDecodeError extends Error {}

export class ChunkedDecoder {
  private state: State = 'size';
  /** The size or trailer line read so far, when a read ended inside it. */
  private line = '';
  private remaining = 0;
  /** Bytes of the CRLF after a chunk's data still to come. */
  private crlfLeft = 0;

  /** True once the last chunk and the trailer section have arrived. */
  get done(): boolean {
    return this.state === 'done';
  }

  /**
   * Decodes one read in place (its payload bytes move towards its start, never past what is still to read)
   * and returns them (possibly none): the read is the caller's to give. Bytes past the end are ignored.
   */
  push(input: Buffer): Buffer {
    const out = input;
    let written = 0;
    let i = 0;
    while (i < input.length && this.state !== 'done') {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, input.length - i);
        input.copy(out, written, i, i + take);
        written += take;
        i += take;
        this.remaining -= take;
        if (this.remaining === 0) {
          this.state = 'data-end';
          this.crlfLeft = 2;
        }
      } else if (this.state === 'data-end') {
        if (input[i] !== (this.crlfLeft === 2 ? CR : LF)) {
          throw new ChunkedDecodeError('chunk data not followed by CRLF');
        }
        i += 1;
        this.crlfLeft -= 1;
        if (this.crlfLeft === 0) this.state = 'size';
      } else {
        const fast = this.state === 'size' && this.line === '' ? this.plainSizeLine(input, i) : -1;
        if (fast >= 0) {
          i = fast;
          continue;
        }
        const next = this.readLine(input, i);
        if (next < 0) break;
        i = next;
      }
    }
    return out.subarray(0, written);
  }

  /**
   * A plain `<hex>CRLF` wholly inside this read (nearly every chunk), read straight from the bytes: the
   * index past it, or -1 to leave the line (an extension, a line split across reads, bad input) to readLine.
   */
  private plainSizeLine(input: Buffer, start: number): number {
    let size = 0;
    let j = start;
    for (; j < input.length && j - start < MAX_SIZE_DIGITS; j++) {
      const digit = hexDigit(input[j] ?? -1);
      if (digit < 0) break;
      size = size * 16 + digit;
    }
    if (j === start || input[j] !== CR || input[j + 1] !== LF) return -1;
    this.onSize(size);
    return j + 2;
  }

  /** Reads a size or trailer line up to its LF: the index past it, or -1 when the read ended inside it. */
  private readLine(input: Buffer, start: number): number {
    const lf = input.indexOf(LF, start);
    this.line += input.toString('latin1', start, lf === -1 ? input.length : lf);
    if (this.line.length > MAX_LINE) throw new ChunkedDecodeError('chunk size or trailer line too long');
    if (lf === -1) return -1;
    const line = this.line.endsWith('\r') ? this.line.slice(0, -1) : this.line;
    this.line = '';
    if (this.state === 'trailer') {
      if (line === '') this.state = 'done';
      return lf + 1;
    }
    const hex = (line.split(';', 1)[0] ?? '').trim();
    if (!SIZE.test(hex)) {
      throw new ChunkedDecodeError(`bad chunk size ${JSON.stringify(hex.slice(0, 40))}`);
    }
    this.onSize(Number.parseInt(hex, 16));
    return lf + 1;
  }

  private onSize(size: number): void {
    if (size === 0) {
      this.state = 'trailer';
      return;
    }
    this.state = 'data';
    this.remaining = size;
  }
}

function hexDigit(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  return -1;
}
