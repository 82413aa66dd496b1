// Black-box tests of the demo engine: each test spawns the real executable on a free port and talks to it
// over HTTP, the way the app's supervisor does. Synchronisation is by polling with deadlines, never by sleeping.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, test as base, describe, expect } from 'vitest';
import { LAUNCH_FAILURE_CATEGORIES } from '../lib/diagnosis/types';

const SCRIPT = path.join(__dirname, 'demo-engine.mjs');
const FAST = ['--startup-seconds', '0', '--tokens-per-second', '0'];

interface Engine {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

type Start = (args: string[], env?: Record<string, string>) => Promise<Engine>;

const everyChild = new Set<ChildProcess>();
const tmpDir = mkdtempSync(path.join(tmpdir(), 'demo-engine-test-'));

/** Kills each engine's whole process group: its stand-in EngineCore outlives a SIGKILL of the engine alone. */
function kill(children: Set<ChildProcess>) {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

// Tests run concurrently, so each test owns its engines through a fixture that kills them when the test ends;
// afterAll is the safety net.
const it = base.extend<{ start: Start; startReady: Start }>({
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads fixture dependencies from this destructuring.
  start: async ({}, use) => {
    const mine = new Set<ChildProcess>();
    await use((args, env) => start(args, env, mine));
    kill(mine);
  },
  startReady: async ({ start }, use) => {
    await use(async (args, env) => {
      const engine = await start(args, env);
      await waitFor(async () => (await probe(engine.port)) === 200, '/health 200');
      return engine;
    });
  },
});

afterAll(() => {
  kill(everyChild);
  rmSync(tmpDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

async function start(
  args: string[],
  env: Record<string, string> = {},
  owner: Set<ChildProcess>,
): Promise<Engine> {
  const port = await freePort();
  const child = spawn(process.execPath, [SCRIPT, '--port', String(port), ...args], {
    env: { ...process.env, NO_COLOR: '1', VLLM_API_KEY: '', ...env },
    detached: true,
  });
  owner.add(child);
  everyChild.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, port, stdout: () => out, stderr: () => err, exited };
}

async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The status of GET path, or the connection error code (e.g. ECONNREFUSED). */
async function probe(port: number, urlPath = '/health'): Promise<number | string> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${urlPath}`);
    await res.arrayBuffer();
    return res.status;
  } catch (err) {
    return String((err as { cause?: { code?: string } }).cause?.code ?? err);
  }
}

function post(engine: Engine, body: unknown, init: RequestInit = {}) {
  return fetch(`http://127.0.0.1:${engine.port}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

interface Delta {
  role?: string;
  content?: string;
  reasoning?: string;
  reasoning_content?: string;
}
interface Chunk {
  choices: { delta: Delta; finish_reason: string | null }[];
  usage?: {
    prompt_tokens: number;
    completion_tokens: number;
    completion_tokens_details?: { reasoning_tokens: number };
  };
}

/** Splits an SSE body into its `data:` payloads. */
function events(text: string): string[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice(6));
}

async function streamChat(engine: Engine, body: Record<string, unknown>) {
  const res = await post(engine, { stream: true, stream_options: { include_usage: true }, ...body });
  expect(res.status).toBe(200);
  const data = events(await res.text());
  expect(data.at(-1)).toBe('[DONE]');
  const chunks = data.slice(0, -1).map((d) => JSON.parse(d) as Chunk);
  const deltas = chunks.flatMap((c) => c.choices.map((choice) => choice.delta));
  const join = (key: keyof Delta) => deltas.map((d) => d[key] ?? '').join('');
  return { chunks, deltas, join };
}

const userMessage = (text: string, images: string[] = []) => ({
  role: 'user',
  content: [{ type: 'text', text }, ...images.map((url) => ({ type: 'image_url', image_url: { url } }))],
});

const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

function png(width: number, height: number): Buffer {
  const header = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([header, ihdr, Buffer.alloc(4)]);
}

function jpeg(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = Buffer.from([0xff, 0xc0, 0, 17, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from(app0), sof, Buffer.from([0xff, 0xd9])]);
}

function gif(width: number, height: number): Buffer {
  const b = Buffer.alloc(13);
  b.write('GIF89a', 0, 'latin1');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return b;
}

/** An extended (VP8X) WebP header: the canvas size is stored minus one in 24-bit fields. */
function webp(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

/** A BMP file header plus BITMAPINFOHEADER; a negative height means top-down rows. */
function bmp(width: number, height: number): Buffer {
  const b = Buffer.alloc(54);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(-height, 22);
  return b;
}

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

describe.concurrent('command line', () => {
  it('rejects an unknown flag like argparse', async ({ start }) => {
    const engine = await start(['--foo']);
    expect(await engine.exited).toBe(2);
    expect(engine.stderr()).toMatch(/^usage: demo-engine /);
    expect(engine.stderr()).toContain('demo-engine: error: unrecognized arguments: --foo');
  });

  it('rejects the pre-0.10 --limit-mm-per-prompt syntax and unknown failure kinds', async ({ start }) => {
    const old = await start(['--limit-mm-per-prompt', 'image=4']);
    const bogus = await start(['--fail', 'bogus']);
    expect(await old.exited).toBe(2);
    expect(old.stderr()).toContain('argument --limit-mm-per-prompt: Value image=4 cannot be converted');
    expect(await bogus.exited).toBe(2);
    expect(bogus.stderr()).toContain("argument --fail: invalid choice: 'bogus'");
  });
});

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

describe.concurrent('chat completions', () => {
  const body = { model: 'demo/vlm-demo', messages: [userMessage('Describe the weather')] };
  const short = ['--thinking-tokens', '30', '--answer-tokens', '60'];

  it.for(['reasoning', 'reasoning_content'])(
    '--reasoning %s streams thinking in its own delta field, then the answer',
    async (mode, { startReady }) => {
      const engine = await startReady([...FAST, ...short, '--reasoning', mode]);
      const { chunks, deltas, join } = await streamChat(engine, body);
      expect(deltas[0]).toEqual({ role: 'assistant', content: '' });
      expect(join(mode as keyof Delta)).toMatch(/^Let me look at the request\./);
      expect(join(mode === 'reasoning' ? 'reasoning_content' : 'reasoning')).toBe('');
      expect(join('content')).toContain(
        'You sent 1 message. The last user message was: "Describe the weather".',
      );
      expect(join('content')).toContain('| --- | --- |');
      expect(join('content')).toContain('```ts');
      const usageChunk = chunks.at(-1);
      expect(usageChunk?.choices).toEqual([]);
      expect(usageChunk?.usage?.completion_tokens_details?.reasoning_tokens).toBe(30);
      expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    },
  );

  it('--reasoning think-tags puts <think>…</think> inline, split across chunks', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short, '--reasoning', 'think-tags']);
    const { deltas, join } = await streamChat(engine, body);
    const content = join('content');
    expect(content).toMatch(/^<think>\nLet me look at the request\./);
    expect(content).toMatch(/\n<\/think>\n\nYou sent 1 message\./);
    expect(join('reasoning')).toBe('');
    expect(deltas.some((d) => d.content?.includes('</think>'))).toBe(false);
    // A text token carrying the first fragment of a tag, e.g. `request.\n<`.
    expect(deltas.some((d) => /\S\n<$/.test(d.content ?? ''))).toBe(true);
  });

  it('--reasoning ernie-raw emits the bare </think> and <response> wrapper', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short, '--reasoning', 'ernie-raw']);
    const { chunks, join } = await streamChat(engine, body);
    const content = join('content');
    expect(content).not.toContain('<think>');
    expect(content).toMatch(
      /^Let me look at the request\.[\s\S]*\n<\/think>\n\n<response>\nYou sent 1 message\./,
    );
    expect(content.endsWith('\n</response>\n')).toBe(true);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBeGreaterThan(90);
  });

  it('stops with finish_reason length while still thinking', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short]);
    const { chunks, join } = await streamChat(engine, { ...body, max_tokens: 10 });
    expect(join('reasoning').length).toBeGreaterThan(0);
    expect(join('content')).toBe('');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('length');
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(10);
  });

  it('returns a chat.completion when not streaming', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short]);
    const res = await post(engine, body);
    const json = await res.json();
    expect(json.object).toBe('chat.completion');
    expect(json.choices[0].message.reasoning).toMatch(/^Let me look/);
    expect(json.choices[0].message.content).toMatch(/^You sent 1 message/);
    expect(json.choices[0].finish_reason).toBe('stop');
    expect(json.usage.completion_tokens).toBeGreaterThanOrEqual(90);
  });

  it('describes attached images from their bytes', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short]);
    const files: [string, Buffer][] = [
      ['image/png', png(640, 480)],
      ['image/jpeg', jpeg(1500, 1125)],
      ['image/webp', webp(4000, 3000)],
      ['image/gif', gif(320, 240)],
      ['image/bmp', bmp(800, 600)],
    ];
    const images = files.map(([mime, bytes]) => dataUrl(mime, bytes));
    const { join } = await streamChat(engine, { messages: [userMessage('What is this?', images)] });
    const content = join('content');
    expect(content).toContain(`Image 1: png, 640×480, ${files[0]?.[1].length} bytes`);
    expect(content).toContain(`Image 2: jpeg, 1500×1125, ${files[1]?.[1].length} bytes`);
    expect(content).toContain('Image 3: webp, 4000×3000, 30 bytes');
    expect(content).toContain('Image 4: gif, 320×240, 13 bytes');
    expect(content).toContain('Image 5: bmp, 800×600, 54 bytes');
  });

  it('--chunk-error-after sends vLLM’s in-band error chunk, then [DONE]', async ({ startReady }) => {
    const engine = await startReady([...FAST, ...short, '--chunk-error-after', '4']);
    const res = await post(engine, { ...body, stream: true });
    expect(res.status).toBe(200);
    const data = events(await res.text());
    expect(data).toHaveLength(6);
    expect(data[4]).toMatch(
      /^\{"error": \{"message": ".+", "type": "InternalServerError", "param": null, "code": 500\}\}$/,
    );
    expect(data[5]).toBe('[DONE]');
  });

  it('aborts generation when the client disconnects and counts it in /metrics', async ({ startReady }) => {
    const engine = await startReady([
      '--startup-seconds',
      '0',
      '--tokens-per-second',
      '40',
      '--thinking-tokens',
      '2000',
    ]);
    const controller = new AbortController();
    const res = await post(engine, { ...body, stream: true }, { signal: controller.signal });
    const reader = res.body?.getReader();
    await reader?.read();
    await reader?.read();
    controller.abort();
    const metric = /vllm:request_aborted_total\{[^}]*\} 1\.0/;
    const metrics = await waitFor(async () => {
      const text = await (await fetch(`http://127.0.0.1:${engine.port}/metrics`)).text();
      return metric.test(text) && text;
    }, 'aborted counter');
    expect(metrics).toMatch(/vllm:num_requests_running\{[^}]*\} 0\.0/);
    expect(engine.stdout()).toMatch(/Aborted request chatcmpl-[0-9a-f]+\./);
  });
});

describe.concurrent('--fail', () => {
  // The demo acts out every launch failure the diagnosis knows (the ids are the contract between them).
  const KINDS = LAUNCH_FAILURE_CATEGORIES;

  it('kv_cache_too_small names an estimated maximum length below --max-model-len', async ({ start }) => {
    const engine = await start([
      '--fail',
      'kv_cache_too_small',
      '--max-model-len',
      '65536',
      '--startup-seconds',
      '0',
    ]);
    expect(await engine.exited).not.toBe(0);
    const out = engine.stdout() + engine.stderr();
    const match =
      /the estimated maximum model length is (\d+)\. Try increasing `gpu_memory_utilization` or decreasing `max_model_len`/.exec(
        out,
      );
    expect(Number(match?.[1])).toBeGreaterThan(0);
    expect(Number(match?.[1])).toBeLessThan(65536);
    expect(out).toContain('EngineCore failed to start.');
    expect(out).toContain(
      "RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {'EngineCore_DP0': 1}",
    );
    expect(await probe(engine.port)).toBe('ECONNREFUSED');
  });

  it('every kind prints startup lines, then a traceback, and exits 1', async ({ start }) => {
    const engines = await Promise.all(KINDS.map((kind) => start(['--fail', kind, '--startup-seconds', '0'])));
    const codes = await Promise.all(engines.map((engine) => engine.exited));
    engines.forEach((engine, i) => {
      const out = engine.stdout() + engine.stderr();
      expect({ kind: KINDS[i], code: codes[i] }).toEqual({ kind: KINDS[i], code: 1 });
      expect(out).toContain('vLLM API server version');
      expect(out).toMatch(/Traceback \(most recent call last\):\n.*File "/);
    });
  });
});
