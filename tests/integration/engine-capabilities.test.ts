// Introspection end to end: the app asks the installed engine (stand-ins that answer with real help output)
// what it accepts, refuses what it does not, and checks that every engine refuses requests without its key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineStatus } from '@/lib/engine/types';
import { type AppServer, REPO, startApp } from '../helpers/app-server';
import { ANONYMOUS } from '../helpers/auth';
import { getStatus, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';

const FAKE_PYTHON = path.join(REPO, 'tests', 'fixtures', 'fake-python', 'python3');
const FAKE_LLAMA = path.join(REPO, 'tests', 'fixtures', 'fake-llama-server', 'llama-server-keyed');
let app: AppServer | null = null;

afterEach(async () => {
  if (app) {
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped', 'failed', 'crashed'], 15_000).catch(() => undefined);
    await app.stop();
  }
  app = null;
});

async function capabilities(url: string, profile: string) {
  const res = await fetch(`${url}/api/engine/capabilities?profile=${encodeURIComponent(profile)}`);
  return { status: res.status, body: await res.json() };
}

/** The current launch's log as the download gives it (everything, the app's own lines included). */
async function launchLog(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/engine/logs/download`);
  return (await res.text()).split('\n');
}

function vllmApp(help: string, version: string) {
  const hfHome = fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-hf-home-'));
  return startApp({
    VLM_CONSOLE_PYTHON: FAKE_PYTHON,
    HF_HOME: hfHome,
    VLM_CONSOLE_HF_DOWNLOAD: 'off',
    FAKE_VLLM_VERSION: version,
    FAKE_VLLM_HELP: help,
  });
}

describe('an installed vLLM 0.11.0', () => {
  it('is reported with its real flags, from the engine', async () => {
    app = await vllmApp('vllm-0.11.0', '0.11.0');
    const { status, body } = await capabilities(app.url, 'ernie-4.5-vl-thinking-awq');
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'vllm', version: '0.11.0', source: 'engine' });
    expect(body.flags).toContain('--swap-space');
    expect(body.flags).toContain('--enable-prefix-caching');
    expect(body.flags).not.toContain('--shutdown-timeout');
    expect(body.flags).not.toContain('--disable-access-log-for-endpoints');
  });

  it('refuses a flag it lacks before launch, naming it', async () => {
    app = await vllmApp('vllm-0.11.0', '0.11.0');
    const port = await freePort();
    const res = await startEngine(app.url, { port, extraArgs: ['--shutdown-timeout', '5'] }, 'qwen2.5-vl-7b');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(/vLLM 0\.11\.0 does not know --shutdown-timeout/);
    expect((await getStatus(app.url)).state).toBe('stopped');
  });

  it('launches with only flags it knows (its argparse would refuse any other) and says where they came from', async () => {
    app = await vllmApp('vllm-0.11.0', '0.11.0');
    const port = await freePort();
    const res = await startEngine(app.url, { port, tensorParallelSize: 1 }, 'qwen2.5-vl-7b');
    expect(res.status).toBe(202);
    const ready = await waitForState(app.url, ['ready', 'failed', 'crashed'], 30_000);
    expect(ready.state).toBe('ready');
    const log = await launchLog(app.url);
    expect(log.join('\n')).toContain("Flags checked against vLLM 0.11.0's own help");
    expect(ready.command?.join(' ')).not.toContain('--disable-access-log-for-endpoints');
  });
});

describe('a vLLM build with --disable-access-log-for-endpoints', () => {
  it("adds it, and the console's own polling stays out of the engine's access log", async () => {
    app = await vllmApp('vllm-main-2026-01-27', '0.0.0.dev0+g6ee7f18f3');
    const port = await freePort();
    await startEngine(app.url, { port }, 'qwen2.5-vl-7b');
    const ready = await waitForState(app.url, ['ready', 'failed', 'crashed'], 30_000);
    expect(ready.state).toBe('ready');
    expect(ready.command?.join(' ')).toContain('--disable-access-log-for-endpoints /health,/metrics');
    // The readiness probe and the health checks went out; none of them left an access line.
    await fetch(`${app.url}/api/engine/health`);
    const log = await launchLog(app.url);
    expect(log.some((l) => /"GET \/v1\/models HTTP\/1\.1"/.test(l))).toBe(true);
    expect(log.some((l) => /"GET \/health HTTP\/1\.1"/.test(l))).toBe(false);
  });
});

describe('llama.cpp', () => {
  async function launchLlama(
    env: Record<string, string> = {},
  ): Promise<{ status: EngineStatus; port: number }> {
    app = await startApp({ VLM_CONSOLE_LLAMA_SERVER: FAKE_LLAMA, ...env });
    const port = await freePort();
    const res = await startEngine(app.url, { port, hfRepo: 'ggml-org/gemma-3-4b-it-GGUF' }, 'llama-cpp');
    expect(res.status).toBe(202);
    const status = await waitForState(app.url, ['ready', 'failed', 'crashed'], 30_000);
    expect(status.state).toBe('ready');
    return { status, port };
  }

  it('the llama-cpp launch answers 401 without its key', async () => {
    const { port } = await launchLlama();
    const res = await fetch(`http://127.0.0.1:${port}/v1/models`, { headers: ANONYMOUS });
    expect(res.status).toBe(401);
    const caps = await capabilities(app?.url ?? '', 'llama-cpp');
    expect(caps.body).toMatchObject({ kind: 'llama-cpp', version: 'b10021 (33a75f41)', source: 'engine' });
    expect((await getStatus(app?.url ?? '')).warning).toBeNull();
  });

  it('an engine that ignores its key is flagged with a warning and a diagnosis', async () => {
    await launchLlama({ FAKE_LLAMA_IGNORE_KEY: '1' });
    const status = await waitFor(
      async () => {
        const s = await getStatus(app?.url ?? '');
        return s.diagnosis ? s : null;
      },
      10_000,
      'the key warning',
    );
    expect(status.warning).toMatch(/accepts requests without its key/);
    expect(status.diagnosis).toMatchObject({ ruleId: 'engine_accepts_without_key', severity: 'warning' });
  });
});

describe('GET /api/engine/capabilities', () => {
  it('falls back to the built-in list, saying why, when the engine is not there; refuses bad queries', async () => {
    app = await startApp({ VLM_CONSOLE_PYTHON: FAKE_PYTHON });
    const vllm = await capabilities(app.url, 'vllm-custom');
    expect(vllm.body).toMatchObject({ kind: 'vllm', version: null, source: 'static' });
    expect(vllm.body.reason).toMatch(/engine not found/);
    expect(vllm.body.flags).toContain('--max-model-len');
    const demo = await capabilities(app.url, 'demo');
    expect(demo.body).toMatchObject({ kind: 'demo', source: 'engine', version: '0.11.2+demo' });
    expect((await capabilities(app.url, 'no-such-profile')).status).toBe(404);
    const bad = await fetch(`${app.url}/api/engine/capabilities?profile=../etc`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('validation_failed');
    const anonymous = await fetch(`${app.url}/api/engine/capabilities?profile=demo`, { headers: ANONYMOUS });
    expect(anonymous.status).toBe(401);
  });
});
