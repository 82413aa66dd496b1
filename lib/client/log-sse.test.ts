import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '@/lib/engine/types';
import { sseEvent } from '@/lib/sse';
import { decodeLogEvent } from './log-sse';

const status = { state: 'starting', launchId: 'l1', profile: 'demo' } as Partial<EngineStatus>;

/** Wire text as the server writes it, parsed back as the browser's reader hands it over. */
function parse(wire: string): EventSourceMessage[] {
  const messages: EventSourceMessage[] = [];
  createParser({ onEvent: (m) => messages.push(m) }).feed(wire);
  return messages;
}

describe('decodeLogEvent', () => {
  it('reads back what the server writes: lines, a status, a gap', () => {
    const line = { seq: 7, ts: 1_700_000_000_000, stream: 'stderr', text: 'INFO 12-03 loading\r\nweights' };
    const wire = sseEvent('log', line, 7) + sseEvent('status', status) + sseEvent('gap', { from: 3, to: 6 });
    expect(parse(wire).map(decodeLogEvent)).toEqual([
      { ok: true, event: { type: 'log', line } },
      { ok: true, event: { type: 'status', status } },
      { ok: true, event: { type: 'gap', from: 3, to: 6 } },
    ]);
  });

  it('skips what it cannot read instead of throwing', () => {
    const cases = [
      { event: 'log', data: '{"seq":1,"ts":1,"stream":"stdout"' },
      { event: 'log', data: '{"seq":-1,"ts":1,"stream":"stdout","text":"x"}' },
      { event: 'log', data: '{"seq":1,"ts":1,"stream":"tty","text":"x"}' },
      { event: 'status', data: '{"state":"exploded"}' },
      { event: 'gap', data: '{"from":"a","to":2}' },
      { event: 'log', data: 'null' },
      { event: 'hello', data: '{}' },
      { data: '{}' },
    ];
    for (const message of cases) expect(decodeLogEvent(message)).toMatchObject({ ok: false });
  });
});
