// The demo engine, black box: startup. Helpers and fixtures in test-helpers.ts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { FAST, it, probe, tmpDir, waitFor } from './test-helpers';

describe.concurrent('startup', () => {
  it('refuses connections while logging, then answers /health and writes the ready stamp', async ({
    start,
  }) => {
    const stampFile = path.join(tmpDir, 'ready-stamp');
    const engine = await start(['--startup-seconds', '1', '--ready-stamp-file', stampFile]);
    await waitFor(() => engine.stdout().includes('Starting to load model'), 'model loading line');
    expect(await probe(engine.port)).toBe('ECONNREFUSED');
    await waitFor(async () => (await probe(engine.port)) === 200, '/health 200');

    const out = engine.stdout();
    const err = engine.stderr();
    for (const line of [
      /\(APIServer pid=\d+\) INFO \d\d-\d\d \d\d:\d\d:\d\d \[api_server\.py:\d+\] vLLM API server version 0\.11\.2/,
      /non-default args: \{.*'port': \d+/,
      /Resolved architecture: DemoVLForConditionalGeneration/,
      /Using max model len 32768/,
      /\(EngineCore_DP0 pid=\d+\) INFO .*Initializing a V1 LLM engine/,
      /Loading weights took [\d.]+ seconds/,
      /Model loading took [\d.]+ GiB memory and [\d.]+ seconds/,
      /torch\.compile takes [\d.]+ s in total/,
      /Available KV cache memory: [\d.]+ GiB/,
      /GPU KV cache size: [\d,]+ tokens/,
      /Maximum concurrency for 32,768 tokens per request: [\d.]+x/,
      /Graph capturing finished in \d+ secs/,
      /init engine \(profile, create kv cache, warmup model\) took/,
      /Supported_tasks: \['generate'\]/,
      new RegExp(`Starting vLLM API server 0 on http://127\\.0\\.0\\.1:${engine.port}`),
      /Route: \/v1\/chat\/completions, Methods: POST/,
    ]) {
      expect(out).toMatch(line);
    }
    // tqdm bars live on stderr: the shard bar redraws with `\r...\n`, the graph bar with bare `\r`.
    expect(err).toMatch(
      /\(EngineCore_DP0 pid=\d+\) \rLoading safetensors checkpoint shards: {3}0% Completed \| 0\/4/,
    );
    expect(err).toMatch(/\rLoading safetensors checkpoint shards: 100% Completed \| 4\/4 .*\n/);
    expect(err).toMatch(
      /\rCapturing CUDA graphs \(mixed prefill-decode, PIECEWISE\): +\d+%\|[^\n]*\rCapturing/,
    );
    expect(err).toMatch(/INFO: {5}Started server process \[\d+\]/);
    expect(err).toContain('Application startup complete.');
    const access = /INFO: {5}127\.0\.0\.1:\d+ - "GET \/health HTTP\/1\.1" 200 OK/;
    await waitFor(() => access.test(engine.stdout()), 'access line on stdout');

    const readStamp = () => (existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '');
    const stamp = Number(await waitFor(readStamp, 'ready stamp'));
    expect(Math.abs(Date.now() - stamp)).toBeLessThan(10_000);
  });

  it('logs uvicorn shutdown lines and exits 0 on SIGTERM', async ({ startReady }) => {
    const engine = await startReady(FAST);
    const t0 = Date.now();
    engine.child.kill('SIGTERM');
    expect(await engine.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(engine.stderr()).toContain('Application shutdown complete.');
    expect(engine.stderr()).toMatch(/Finished server process \[\d+\]/);
  });

  it('quits at once with exit 1 on a second SIGTERM during a slow shutdown, like llama-server', async ({
    startReady,
  }) => {
    const engine = await startReady([...FAST, '--shutdown-seconds', '5']);
    engine.child.kill('SIGTERM');
    await waitFor(() => engine.stderr().includes('Shutting down'), 'the shutdown to begin');
    engine.child.kill('SIGTERM');
    expect(await engine.exited).toBe(1);
    expect(engine.stdout()).toContain('Received second interrupt, terminating immediately.');
    expect(engine.stderr()).not.toContain('Application shutdown complete.');
  });

  it('--hang prints the early log but never answers', async ({ start }) => {
    const engine = await start(['--hang', '--startup-seconds', '0.2']);
    await waitFor(() => engine.stdout().includes('Using model weights format'), 'early log');
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      expect(await probe(engine.port)).toBe('ECONNREFUSED');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(engine.child.exitCode).toBeNull();
  });

  it('--flood-lines prints numbered lines after becoming ready', async ({ startReady }) => {
    const engine = await startReady([...FAST, '--flood-lines', '20000']);
    await waitFor(() => engine.stdout().includes('flood line 020000 of 20000'), 'last flood line');
    expect(engine.stdout().match(/flood line \d{6} of 20000/g)).toHaveLength(20000);
  });
});
