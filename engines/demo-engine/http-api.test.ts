// The demo engine, black box: http api. Helpers and fixtures in test-helpers.ts.
import { describe, expect } from 'vitest';
import { dataUrl, FAST, it, png, post, probe, userMessage } from './test-helpers';

describe.concurrent('HTTP API', () => {
  it('serves /v1/models, /version and /metrics', async ({ startReady }) => {
    const engine = await startReady([
      ...FAST,
      '--max-model-len',
      '4096',
      '--served-model-name',
      'demo-served',
    ]);
    const base = `http://127.0.0.1:${engine.port}`;
    const models = await (await fetch(`${base}/v1/models`)).json();
    expect(models.object).toBe('list');
    expect(models.data[0]).toMatchObject({
      id: 'demo-served',
      object: 'model',
      owned_by: 'vllm',
      max_model_len: 4096,
    });
    expect((await (await fetch(`${base}/version`)).json()).version).toMatch(/^0\.11\.2/);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    for (const name of ['num_requests_running', 'num_requests_waiting', 'kv_cache_usage_perc']) {
      expect(metrics).toContain(`vllm:${name}{engine="0",model_name="demo-served"}`);
    }
    expect(metrics).toContain('# TYPE vllm:prompt_tokens_total counter');
    expect(metrics).toContain('vllm:generation_tokens_total{');
    expect(metrics).toContain('vllm:request_aborted_total{engine="0",model_name="demo-served"} 0.0');
  });

  it('guards /v1 with the API key but leaves /health open', async ({ startReady }) => {
    const engine = await startReady(FAST, { VLLM_API_KEY: 'sekrit' });
    const url = `http://127.0.0.1:${engine.port}/v1/models`;
    const denied = await fetch(url);
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ error: 'Unauthorized' });
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer sekrit' } })).status).toBe(200);
    expect(await probe(engine.port, '/health')).toBe(200);
    expect(await probe(engine.port, '/metrics')).toBe(200);
  });

  it('answers bad requests with vLLM error bodies and keeps running', async ({ startReady }) => {
    const engine = await startReady([...FAST, '--limit-mm-per-prompt', '{"image":1,"video":0}']);
    const tiny = dataUrl('image/png', png(2, 2));

    const tooMany = await post(engine, { messages: [userMessage('two', [tiny, tiny])] });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toEqual({
      error: {
        message: 'At most 1 image(s) may be provided in one prompt.',
        type: 'BadRequestError',
        param: null,
        code: 400,
      },
    });

    const wrongModel = await post(engine, { model: 'nope', messages: [userMessage('hi')] });
    expect(wrongModel.status).toBe(404);
    expect(await wrongModel.json()).toEqual({
      error: {
        message: 'The model `nope` does not exist.',
        type: 'NotFoundError',
        param: 'model',
        code: 404,
      },
    });

    const malformed = await post(engine, '{"messages": [');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.type).toBe('BadRequestError');

    const noMessages = await post(engine, { model: 'demo/vlm-demo' });
    expect(noMessages.status).toBe(400);
    expect(await probe(engine.port)).toBe(200);
  });
});
