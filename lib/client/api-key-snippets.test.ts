import { describe, expect, it } from 'vitest';
import { SNIPPET_KINDS, snippet } from './api-key-snippets';

const input = { appUrl: 'https://abc.trycloudflare.com/', key: 'vlmc_secret', model: 'demo/model' };

describe('API key snippets', () => {
  it('point every client at <app URL>/v1 with the key and the running model', () => {
    for (const { kind } of SNIPPET_KINDS) {
      const text = snippet(kind, input);
      expect(text).toContain('https://abc.trycloudflare.com/v1');
      expect(text).not.toContain('.com//v1');
      expect(text).toContain('vlmc_secret');
      expect(text).toContain('demo/model');
    }
  });

  it('gives curl a body that is valid JSON', () => {
    const body = /-d '(.*)'$/m.exec(snippet('curl', input))?.[1] ?? '';
    expect(JSON.parse(body)).toMatchObject({ model: 'demo/model', messages: [{ role: 'user' }] });
  });

  it('says where the model id comes from when no engine runs', () => {
    expect(snippet('python', { ...input, model: null })).toContain('/v1/models');
  });
});
