import { describe, expect, it } from 'vitest';
import { ProbeLedger } from './probe-ledger';

const access = (path: string) =>
  `(APIServer pid=7) INFO:     127.0.0.1:51234 - "GET ${path} HTTP/1.1" 200 OK`;

describe('probe ledger', () => {
  it('claims one access line per probe the app sent, by path', () => {
    let now = 0;
    const ledger = new ProbeLedger(() => now);
    ledger.expect('http://127.0.0.1:8000/health');
    expect(ledger.claim(access('/metrics'))).toBe(false);
    expect(ledger.claim(access('/health'))).toBe(true);
    // A second /health (someone else's curl) was not sent by the app.
    expect(ledger.claim(access('/health'))).toBe(false);
    ledger.expect('/metrics');
    now += 11_000;
    expect(ledger.claim(access('/metrics'))).toBe(false);
  });

  it('forgets a probe that got no answer, and reads llama.cpp’s access line', () => {
    const ledger = new ProbeLedger(() => 0);
    const unanswered = ledger.expect('/health');
    unanswered();
    expect(ledger.claim(access('/health'))).toBe(false);
    ledger.expect('/health');
    expect(ledger.claim('srv  log_server_r: request: GET /health 127.0.0.1 200')).toBe(true);
    expect(ledger.claim('INFO loading weights /health')).toBe(false);
  });
});
