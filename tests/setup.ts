import { vi } from 'vitest';
import { TEST_TOKEN } from './helpers/auth';

// `server-only` throws outside a React Server Components build; the modules behind it are plain Node code.
vi.mock('server-only', () => ({}));

// Tests talk to the app as a signed-in script (Authorization: Bearer). A test that wants to be anonymous
// sends the x-test-anonymous header, which is removed here; an explicit Authorization header is kept.
const realFetch = globalThis.fetch;
globalThis.fetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith('http://127.0.0.1:')) return realFetch(input, init);
  const headers = new Headers(init.headers);
  if (headers.has('x-test-anonymous')) headers.delete('x-test-anonymous');
  else if (!headers.has('authorization')) headers.set('authorization', `Bearer ${TEST_TOKEN}`);
  return realFetch(input, { ...init, headers });
};
