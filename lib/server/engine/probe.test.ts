// The served model and its context length, read from each engine kind's own answers (shapes from their source,
// see tests/fixtures/engines/llama-server-model-info.json), served by a real HTTP server on 127.0.0.1.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import info from '../../../tests/fixtures/engines/llama-server-model-info.json';
import { fetchServedModel } from './probe';

let server: http.Server | null = null;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** Answers each path with its JSON body; anything else is a 404, as llama-server and vLLM do. */
async function serve(routes: Record<string, unknown>): Promise<string> {
  const listening = http.createServer((req, res) => {
    const body = routes[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: { code: 404, message: 'File Not Found' } }));
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', () => resolve()));
  const { port } = listening.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

describe('fetchServedModel', () => {
  it("reads llama-server's context from /props (the context it serves per slot)", async () => {
    const url = await serve({ '/v1/models': info.models, '/props': info.props });
    expect(await fetchServedModel(url, 'key')).toEqual({ id: 'qwen2.5-vl-7b', maxModelLen: 8192 });
  });

  it("falls back to /v1/models' meta.n_ctx_train when /props does not answer", async () => {
    const url = await serve({ '/v1/models': info.models });
    expect(await fetchServedModel(url, 'key')).toEqual({ id: 'qwen2.5-vl-7b', maxModelLen: 128000 });
  });

  it("reads SGLang's max_model_len, the field vLLM uses too", async () => {
    const url = await serve({ '/v1/models': info.sglangModels, '/props': info.props });
    expect(await fetchServedModel(url, null)).toEqual({
      id: 'Qwen/Qwen2.5-VL-7B-Instruct',
      maxModelLen: 32768,
    });
  });
});
