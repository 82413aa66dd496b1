import { describe, expect, it } from 'vitest';
import { type ClientLogLine, toClientLine } from './log-level';
import { scopeLines } from './log-scope';

const line = (seq: number, text: string, probe = false): ClientLogLine =>
  toClientLine({ seq, ts: seq, stream: 'stdout', text, ...(probe ? { probe } : {}) });

const all = [
  line(1, 'ERROR first launch'),
  line(2, 'INFO: 127.0.0.1:1 - "GET /health HTTP/1.1" 200 OK', true),
  line(5, 'INFO second launch'),
  line(6, 'INFO: 127.0.0.1:1 - "GET /metrics HTTP/1.1" 200 OK', true),
  line(7, 'INFO: 127.0.0.1:1 - "GET /health HTTP/1.1" 200 OK'),
];

describe('log scope', () => {
  it('shows the current launch without the app’s probes by default', () => {
    const scope = scopeLines(all, { launchStartSeq: 5, showEarlier: false, showProbes: false });
    expect(scope.lines.map((l) => l.seq)).toEqual([5, 7]);
    expect(scope.earlier).toBe(2);
    expect(scope.probes).toBe(1);
  });

  it('shows earlier launches and probes when asked', () => {
    expect(
      scopeLines(all, { launchStartSeq: 5, showEarlier: true, showProbes: false }).lines.map((l) => l.seq),
    ).toEqual([1, 5, 7]);
    const everything = scopeLines(all, { launchStartSeq: 5, showEarlier: true, showProbes: true });
    expect(everything.lines).toBe(all);
  });

  it('takes every line as this launch’s when the start is unknown', () => {
    const scope = scopeLines(all, { launchStartSeq: null, showEarlier: false, showProbes: true });
    expect(scope.lines).toBe(all);
    expect(scope.earlier).toBe(0);
  });
});
