// Shared by the demo engine's black-box tests (one file per area): each test spawns the real executable on a
// free port and talks to it over HTTP, the way the app's supervisor does. Synchronisation is by polling with
// deadlines, never by sleeping.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, test as base, expect } from 'vitest';

export const SCRIPT = path.join(__dirname, '..', 'demo-engine.mjs');
export const FAST = ['--startup-seconds', '0', '--tokens-per-second', '0'];

export interface Engine {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

export type Start = (args: string[], env?: Record<string, string>) => Promise<Engine>;

export const everyChild = new Set<ChildProcess>();
export const tmpDir = mkdtempSync(path.join(tmpdir(), 'demo-engine-test-'));

/** Kills each engine's whole process group: its stand-in EngineCore outlives a SIGKILL of the engine alone. */
export function kill(children: Set<ChildProcess>) {
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
export const it = base.extend<{ start: Start; startReady: Start }>({
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

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

export async function start(
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

export async function waitFor<T>(
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
export async function probe(port: number, urlPath = '/health'): Promise<number | string> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${urlPath}`);
    await res.arrayBuffer();
    return res.status;
  } catch (err) {
    return String((err as { cause?: { code?: string } }).cause?.code ?? err);
  }
}

export function post(engine: Engine, body: unknown, init: RequestInit = {}) {
  return fetch(`http://127.0.0.1:${engine.port}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

export interface Delta {
  role?: string;
  content?: string;
  reasoning?: string;
  reasoning_content?: string;
}
export interface Chunk {
  choices: { delta: Delta; finish_reason: string | null }[];
  usage?: {
    prompt_tokens: number;
    completion_tokens: number;
    completion_tokens_details?: { reasoning_tokens: number };
  };
}

/** Splits an SSE body into its `data:` payloads. */
export function events(text: string): string[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice(6));
}

export async function streamChat(engine: Engine, body: Record<string, unknown>) {
  const res = await post(engine, { stream: true, stream_options: { include_usage: true }, ...body });
  expect(res.status).toBe(200);
  const data = events(await res.text());
  expect(data.at(-1)).toBe('[DONE]');
  const chunks = data.slice(0, -1).map((d) => JSON.parse(d) as Chunk);
  const deltas = chunks.flatMap((c) => c.choices.map((choice) => choice.delta));
  const join = (key: keyof Delta) => deltas.map((d) => d[key] ?? '').join('');
  return { chunks, deltas, join };
}

export const userMessage = (text: string, images: string[] = []) => ({
  role: 'user',
  content: [{ type: 'text', text }, ...images.map((url) => ({ type: 'image_url', image_url: { url } }))],
});

export const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

export function png(width: number, height: number): Buffer {
  const header = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([header, ihdr, Buffer.alloc(4)]);
}

export function jpeg(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = Buffer.from([0xff, 0xc0, 0, 17, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from(app0), sof, Buffer.from([0xff, 0xd9])]);
}

export function gif(width: number, height: number): Buffer {
  const b = Buffer.alloc(13);
  b.write('GIF89a', 0, 'latin1');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return b;
}

/** An extended (VP8X) WebP header: the canvas size is stored minus one in 24-bit fields. */
export function webp(width: number, height: number): Buffer {
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
export function bmp(width: number, height: number): Buffer {
  const b = Buffer.alloc(54);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(-height, 22);
  return b;
}
