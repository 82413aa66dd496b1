import { afterEach, describe, expect, it } from 'vitest';
import { ALLOW_LINK_LOCAL_ENV, linkLocalProblem } from './external-url';
import { externalOptionsSchema } from './option-schemas';

afterEach(() => {
  delete process.env[ALLOW_LINK_LOCAL_ENV];
});

describe('external server URLs', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://METADATA.google.internal./',
    'http://0xa9fea9fe/',
    'http://2852039166/',
    'http://[fe80::1]:8000/',
    'http://[fd00:ec2::254]/',
    'http://[::ffff:169.254.169.254]/',
    'http://100.100.100.200/',
  ])('refuses %s', (url) => {
    expect(linkLocalProblem(url)).toMatch(/link-local or cloud metadata/);
    const parsed = externalOptionsSchema.safeParse({ baseUrl: url });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(ALLOW_LINK_LOCAL_ENV);
  });

  it.each([
    'http://127.0.0.1:8000/v1',
    'https://big-cluster.example/v1',
    'http://10.0.0.5:8000',
    'http://[::1]:8000',
  ])('accepts %s', (url) => {
    expect(externalOptionsSchema.safeParse({ baseUrl: url }).success).toBe(true);
  });

  it('accepts a link-local server when the setting allows it', () => {
    process.env[ALLOW_LINK_LOCAL_ENV] = '1';
    expect(externalOptionsSchema.safeParse({ baseUrl: 'http://169.254.10.20:8000' }).success).toBe(true);
  });
});
