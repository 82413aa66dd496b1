import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanLine,
  DEFAULT_MAX_LINE_CHARS,
  LineAssembler,
  type LineEvent,
  opensNewLine,
  progressKey,
  TRUNCATION_MARK,
} from './log-lines';
import { LogRing } from './log-ring';

const FIXTURES = path.resolve(__dirname, '../../tests/fixtures/real/vllm-logs.jsonl');

function fixtureLog(id: string): string {
  const rows = fs
    .readFileSync(FIXTURES, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; log: string });
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`fixture ${id} missing`);
  return row.log;
}

/** Applies events the way the supervisor will: new seq for line/open, same seq for update/close. */
function collect(events: LineEvent[], ring = new LogRing()): LogRing {
  let last = 0;
  for (const event of events) {
    if (opensNewLine(event)) last = ring.append('stderr', event.text).seq;
    else if (!ring.update(last, event.text)) throw new Error(`update of missing seq ${last}`);
  }
  return ring;
}

function texts(events: LineEvent[]): string[] {
  return collect(events)
    .since(0)
    .map((line) => line.text);
}

function feedAll(assembler: LineAssembler, chunks: Array<string | Uint8Array>): LineEvent[] {
  const events = chunks.flatMap((chunk) => assembler.push(chunk));
  return [...events, ...assembler.end()];
}

const bar = (i: number, total: number) =>
  `Capturing CUDA graphs (decode, FULL): ${String(Math.floor((i * 100) / total)).padStart(3)}%|#| ${i}/${total}`;

describe('LineAssembler carriage returns', () => {
  it('keeps a tqdm bar redrawn 1000 times (one write per redraw) as one line with the final text', () => {
    const assembler = new LineAssembler();
    const chunks = ['(EngineCore pid=7) '];
    for (let i = 0; i <= 1000; i++) chunks.push(`\r${bar(i, 1000)}`);
    chunks.push('\n', 'INFO next\n');
    const events = feedAll(assembler, chunks);
    expect(events[0]).toEqual({ kind: 'open', text: bar(0, 1000) });
    expect(events.filter(opensNewLine)).toHaveLength(2);
    expect(events.at(-2)).toEqual({ kind: 'close', text: bar(1000, 1000) });
    expect(texts(events)).toEqual([bar(1000, 1000), 'INFO next']);
  });

  it('collapses the same redraws arriving in one chunk into a single line', () => {
    const raw = Array.from({ length: 1000 }, (_, i) => `\r${bar(i + 1, 1000)}`).join('');
    const events = feedAll(new LineAssembler(), [`${raw}\n`]);
    expect(events).toEqual([{ kind: 'line', text: bar(1000, 1000) }]);
  });

  it('keeps the last drawn bar visible when the final redraw is blank', () => {
    expect(texts(feedAll(new LineAssembler(), ['\rbar 10%\r   \r\n']))).toEqual(['bar 10%']);
  });

  it("collapses vLLM's shard bar, which ends every redraw with a newline", () => {
    const shard = (n: number) =>
      `(Worker_TP0 pid=300) \rLoading safetensors checkpoint shards: ${(n * 25).toString().padStart(3)}% Completed | ${n}/4 [00:0${n}<00:00]\n`;
    const raw = `INFO start\n${[0, 1, 2, 3, 4, 4].map(shard).join('')}(Worker_TP0 pid=300) \nINFO done\n`;
    const expected = [
      'INFO start',
      'Loading safetensors checkpoint shards: 100% Completed | 4/4 [00:04<00:00]',
      '(Worker_TP0 pid=300) ',
      'INFO done',
    ];
    expect(texts(feedAll(new LineAssembler(), [raw]))).toEqual(expected);
    // The same bytes cut at every position must give the same log.
    for (let cut = 1; cut < raw.length; cut++) {
      const events = feedAll(new LineAssembler(), [raw.slice(0, cut), raw.slice(cut)]);
      expect(texts(events), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('collapses the shard bar of a real vLLM log into one line', () => {
    const lines = texts(feedAll(new LineAssembler(), [Buffer.from(fixtureLog('healthy-09'))]));
    const shardLines = lines.filter((text) => text.includes('checkpoint shards'));
    expect(shardLines).toEqual([
      'Loading safetensors checkpoint shards: 100% Completed | 4/4 [00:02<00:00,  1.65it/s]',
    ]);
    const graphLines = lines.filter((text) => text.includes('Capturing CUDA graphs'));
    expect(graphLines).toHaveLength(2);
    expect(graphLines[1]).toMatch(/^Capturing CUDA graphs \(decode, FULL\): 100%.*51\/51/);
  });

  it('gives the same log for a real capture however the bytes are chunked', () => {
    const bytes = Buffer.from(fixtureLog('healthy-14'));
    const expected = texts(feedAll(new LineAssembler(), [bytes]));
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let trial = 0; trial < 100; trial++) {
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(random() * (trial % 2 === 0 ? 16 : 600));
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect(texts(feedAll(new LineAssembler(), chunks)), `trial ${trial}`).toEqual(expected);
    }
  });

  it('does not merge different bars, nor repeated log lines that carry no carriage return', () => {
    const raw =
      '\rbar A:  50%| 1/2\n\rbar B:  50%| 1/2\n' +
      'Prefetching checkpoint files: 10% (1/3)\nPrefetching checkpoint files: 20% (2/3)\n';
    expect(texts(feedAll(new LineAssembler(), [raw]))).toEqual([
      'bar A:  50%| 1/2',
      'bar B:  50%| 1/2',
      'Prefetching checkpoint files: 10% (1/3)',
      'Prefetching checkpoint files: 20% (2/3)',
    ]);
  });

  it('derives the redraw key from the text before the first percentage or counter', () => {
    expect(progressKey('Loading safetensors checkpoint shards:  43% Completed | 3/7')).toBe(
      'Loading safetensors checkpoint shards:',
    );
    expect(progressKey('Fetching 10 files:  40%|####  | 4/10')).toBe('Fetching 10 files:');
    expect(progressKey('INFO nothing to count')).toBeNull();
  });
});

describe('LineAssembler cleaning', () => {
  it('removes ANSI sequences and control characters but keeps tabs', () => {
    const raw =
      '\x1b[1;36m(APIServer pid=1)\x1b[0;0m INFO\tok\x1b]0;title\x07 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\' +
      '\x1b(B\x1b7\x00\x08\x7f\x1b[2K done';
    expect(cleanLine(raw)).toBe('(APIServer pid=1) INFO\tok link done');
    expect(texts(feedAll(new LineAssembler(), [`${raw}\n`]))).toEqual([
      '(APIServer pid=1) INFO\tok link done',
    ]);
  });

  it('hides an escape sequence cut by a chunk boundary until the rest arrives', () => {
    const assembler = new LineAssembler();
    expect(assembler.push('\rabc\x1b[1;3')).toEqual([{ kind: 'open', text: 'abc' }]);
    expect(assembler.push('6mdef')).toEqual([{ kind: 'update', text: 'abcdef' }]);
  });
});

describe('LineAssembler decoding and line ends', () => {
  it('decodes multibyte UTF-8 split at every byte boundary', () => {
    const source = 'héllo 世界 🚀 ok\r\nnext ✓ líne\npartial ñ';
    const bytes = new TextEncoder().encode(source);
    const expected = ['héllo 世界 🚀 ok', 'next ✓ líne', 'partial ñ'];
    for (let cut = 0; cut <= bytes.length; cut++) {
      const events = feedAll(new LineAssembler(), [bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(texts(events), `cut at byte ${cut}`).toEqual(expected);
    }
    const byteByByte = Array.from(bytes, (b) => Uint8Array.of(b));
    expect(texts(feedAll(new LineAssembler(), byteByByte))).toEqual(expected);
  });

  it('treats CRLF as a plain newline, also when the CR and LF arrive in different chunks', () => {
    expect(feedAll(new LineAssembler(), ['a\r\nb\r\n'])).toEqual([
      { kind: 'line', text: 'a' },
      { kind: 'line', text: 'b' },
    ]);
    expect(feedAll(new LineAssembler(), ['a\r', '\nb\r', '\n'])).toEqual([
      { kind: 'line', text: 'a' },
      { kind: 'line', text: 'b' },
    ]);
    // A CRLF log line is not a redraw, so two such lines that look like a bar stay two lines.
    expect(texts(feedAll(new LineAssembler(), ['step: 50% 1/2\r\nstep: 100% 2/2\r\n']))).toHaveLength(2);
  });

  it('emits a partial line at end, and nothing when there is none', () => {
    const assembler = new LineAssembler();
    expect(assembler.push('first\nno newline')).toEqual([{ kind: 'line', text: 'first' }]);
    expect(assembler.end()).toEqual([{ kind: 'line', text: 'no newline' }]);
    expect(assembler.end()).toEqual([]);
    const open = new LineAssembler();
    expect(open.push('\rbar 10%')).toEqual([{ kind: 'open', text: 'bar 10%' }]);
    expect(open.end()).toEqual([{ kind: 'close', text: 'bar 10%' }]);
  });

  it('surfaces a waiting partial line on request, then completes that same line', () => {
    const assembler = new LineAssembler();
    expect(assembler.push('Continue? [y/N] ')).toEqual([]);
    expect(assembler.surface()).toEqual([{ kind: 'open', text: 'Continue? [y/N] ' }]);
    expect(assembler.surface()).toEqual([]);
    expect(assembler.push('y')).toEqual([{ kind: 'update', text: 'Continue? [y/N] y' }]);
    expect(assembler.push('\n')).toEqual([{ kind: 'close', text: 'Continue? [y/N] y' }]);
  });
});

describe('LineAssembler bounds', () => {
  it('caps a line flooded without newlines and marks it truncated', () => {
    const assembler = new LineAssembler();
    const chunk = 'x'.repeat(10_000);
    for (let i = 0; i < 200; i++) expect(assembler.push(chunk)).toEqual([]);
    const events = assembler.push('tail\nafter\n');
    expect(events).toHaveLength(2);
    const first = events[0]?.text ?? '';
    expect(first.length).toBe(DEFAULT_MAX_LINE_CHARS + TRUNCATION_MARK.length);
    expect(first.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(first.startsWith('xxx')).toBe(true);
    expect(events[1]).toEqual({ kind: 'line', text: 'after' });
  });

  it('never cuts a surrogate pair in half', () => {
    const events = feedAll(new LineAssembler({ maxLineChars: 5 }), ['abcd🚀🚀\n']);
    expect(events).toEqual([{ kind: 'line', text: `abcd${TRUNCATION_MARK}` }]);
  });

  it('keeps only the latest redraw of an endless bar, so memory stays bounded', () => {
    const assembler = new LineAssembler({ maxLineChars: 100 });
    let last: LineEvent | undefined;
    for (let i = 0; i < 50_000; i++) last = assembler.push(`\r${bar(i, 50_000)}`).at(-1) ?? last;
    expect(last).toEqual({ kind: 'update', text: bar(49_999, 50_000) });
  });
});
