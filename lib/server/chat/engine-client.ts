import 'server-only';
// The engine's OpenAI-compatible API through the official SDK: base URL and per-launch key from the
// supervisor. One client per connection; no retries (a retried generation would bill the GPU twice). Its
// requests go over http1/fetch.ts: a streamed reply then arrives a network read per chunk, not a token.
import OpenAI from 'openai';
import { http1Fetch } from '../http1/fetch';

const clients = new Map<string, OpenAI>();

export function engineClient(baseUrl: string, apiKey: string | null): OpenAI {
  const key = `${baseUrl}\n${apiKey ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    clients.clear();
    client = new OpenAI({
      baseURL: `${baseUrl}/v1`,
      // The SDK insists on a key; engines started without one ignore it.
      apiKey: apiKey ?? 'none',
      maxRetries: 0,
      fetch: http1Fetch,
      // Thinking replies run for many minutes; stop and the abandon timer end them, not a clock.
      timeout: 24 * 60 * 60 * 1000,
    });
    clients.set(key, client);
  }
  return client;
}
