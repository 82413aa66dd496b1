// POST /api/diagnose: a pasted log gets the same explanation a failed launch gets. The body schema is checked
// on its own first; then the route through the built app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseBodySchema, MAX_DIAGNOSE_CHARS } from '@/app/api/diagnose/schema';
import type { Diagnosis } from '@/lib/diagnosis';
import { type AppServer, startApp } from '../helpers/app-server';

/** A notebook cell's output, in vLLM's wording: the KV cache cannot hold one request of the full context. */
const KV_CACHE_PASTE = [
  'INFO 05-10 09:20:11 [gpu_model_runner.py:2012] Model loading took 17.9421 GiB and 48.113 seconds',
  'INFO 05-10 09:20:40 [gpu_worker.py:276] Available KV cache memory: 1.31 GiB',
  'ERROR 05-10 09:20:40 [core.py:708] EngineCore failed to start.',
  'ERROR 05-10 09:20:40 [core.py:708] Traceback (most recent call last):',
  "ERROR 05-10 09:20:40 [core.py:708] ValueError: To serve at least one request with the models's max seq len (32768), (1.75 GiB KV cache is needed, which is larger than the available KV cache memory (1.31 GiB). Based on the available memory, the estimated maximum model length is 24528. Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.",
  'RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
].join('\n');

/** llama-server running out of GPU memory (github.com/ggml-org/llama.cpp/issues/20431), copied from a terminal
 * 100 columns wide that broke its long lines mid-word. */
const LLAMA_WRAPPED_PASTE = [
  'load_tensors: loading model tensors, this can take a while... (mmap = true, direct_io = false)',
  'ggml_backend_cuda_buffer_type_alloc_buffer: allocating 144817.04 MiB on device 0: cudaMalloc failed',
  ': out of memory',
  'alloc_tensor_range: failed to allocate CUDA0 buffer of size 151851674624',
].join('\n');

const HEALTHY_PASTE = [
  'INFO 05-10 09:20:11 [gpu_model_runner.py:2012] Model loading took 6.1 GiB and 20.5 seconds',
  'INFO 05-10 09:21:02 [api_server.py:1880] Starting vLLM API server 0 on http://127.0.0.1:8000',
  'INFO:     Application startup complete.',
].join('\n');

describe('diagnose body schema', () => {
  it('takes a non-empty text of at most 2 MB and nothing else', () => {
    expect(diagnoseBodySchema.safeParse({ text: 'a log' }).success).toBe(true);
    const fieldOf = (body: unknown) => {
      const parsed = diagnoseBodySchema.safeParse(body);
      return parsed.success ? null : (parsed.error.issues[0]?.path.join('.') ?? '');
    };
    expect(fieldOf({})).toBe('text');
    expect(fieldOf({ text: 42 })).toBe('text');
    expect(fieldOf({ text: '' })).toBe('text');
    expect(fieldOf({ text: 'x'.repeat(MAX_DIAGNOSE_CHARS + 1) })).toBe('text');
    expect(fieldOf({ text: 'a log', phase: 'launch' })).toBe('');
  });
});

describe('POST /api/diagnose', () => {
  let app: AppServer;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  const post = (body: BodyInit) =>
    fetch(`${app.url}/api/diagnose`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });

  it('explains a pasted KV-cache failure, quoting its line by index, with the context that fits', async () => {
    const res = await post(JSON.stringify({ text: KV_CACHE_PASTE }));
    expect(res.status).toBe(200);
    const { diagnosis } = (await res.json()) as { diagnosis: Diagnosis | null };
    expect(diagnosis?.category).toBe('kv_cache_too_small');
    expect(diagnosis?.line.index).toBe(4);
    expect(diagnosis?.line.text).toMatch(/estimated maximum model length is 24528/);
    expect(diagnosis?.line.seq).toBeUndefined();
    expect(diagnosis?.patch).toEqual({
      label: 'Relaunch with context 24,528',
      options: { maxModelLen: 24528 },
    });
    expect(diagnosis?.title.length).toBeGreaterThan(10);
    expect(diagnosis?.fix.length).toBeGreaterThan(10);
  });

  it("reads a wrapped llama.cpp paste as llama.cpp's and gives llama.cpp's fix", async () => {
    const res = await post(JSON.stringify({ text: LLAMA_WRAPPED_PASTE }));
    const { diagnosis } = (await res.json()) as { diagnosis: Diagnosis | null };
    expect(diagnosis?.ruleId).toBe('llama-cpp-oom');
    expect(diagnosis?.engine).toBe('llama-cpp');
    expect(diagnosis?.engineGuessed).toBe(true);
    expect(diagnosis?.fix).toContain('-ngl');
    // The quote is the record joined back together, pointing at its first line.
    expect(diagnosis?.line.index).toBe(1);
    expect(diagnosis?.line.text).toContain('cudaMalloc failed: out of memory');
  });

  it('finds nothing wrong in a healthy startup', async () => {
    const res = await post(JSON.stringify({ text: HEALTHY_PASTE }));
    expect(await res.json()).toEqual({ diagnosis: null });
  });

  it('answers bad bodies with a 4xx naming the problem', async () => {
    const cases: [BodyInit, number, RegExp][] = [
      [JSON.stringify({}), 400, /^text:/],
      [JSON.stringify({ text: 42 }), 400, /^text:/],
      [JSON.stringify({ text: '' }), 400, /^text:/],
      [JSON.stringify({ text: 'log', extra: 1 }), 400, /extra/],
      ['{text:', 400, /not valid JSON/],
      [JSON.stringify({ text: 'x'.repeat(5 * 1024 * 1024) }), 413, /larger than/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
  });
});
