import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from '../../lib/node/client-address.mjs';

describe('client address for rate limiting', () => {
  const none = parseTrustedProxies('');
  const loopback = parseTrustedProxies('loopback');

  it('ignores X-Forwarded-For from a connection that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', none)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '1.2.3.4', none)).toBe('127.0.0.1');
  });

  it('takes the rightmost untrusted hop behind a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '1.2.3.4', loopback)).toBe('1.2.3.4');
    expect(clientAddress('127.0.0.1', 'spoofed, 198.51.100.7, 127.0.0.1', loopback)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', undefined, loopback)).toBe('::ffff:127.0.0.1');
  });

  it('accepts explicit proxy addresses', () => {
    const nginx = parseTrustedProxies('10.0.0.2, 10.0.0.3');
    expect(clientAddress('10.0.0.2', '192.0.2.1', nginx)).toBe('192.0.2.1');
    expect(clientAddress('10.0.0.9', '192.0.2.1', nginx)).toBe('10.0.0.9');
  });
});
