// Secrets never reach a person's screen or a downloaded file: the engine's per-launch API key, HF_TOKEN and
// the app's access token are masked in the live log, the downloaded log and the command line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, REPO, startApp } from '../helpers/app-server';
import { TEST_TOKEN } from '../helpers/auth';
import { openSse, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort } from '../helpers/net';

const HF_TOKEN = 'hf_secretTokenValue0123456789';
let app: AppServer;

beforeAll(async () => {
  app = await startApp({
    VLM_CONSOLE_PYTHON: path.join(REPO, 'tests/fixtures/fake-python/python3'),
    HF_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-hf-mask-')),
    HF_TOKEN,
    FAKE_HF_ECHO: `downloading with token=${HF_TOKEN} and access=${TEST_TOKEN}`,
    FAKE_ECHO_ENGINE_KEY: '1',
  });
});

afterAll(async () => {
  await stopEngine(app.url);
  await waitForState(app.url, ['stopped', 'crashed', 'failed'], 15_000);
  await app?.stop();
});

function engineApiKey(pid: number): string {
  const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  return environ.find((e) => e.startsWith('VLLM_API_KEY='))?.slice('VLLM_API_KEY='.length) ?? '';
}

describe('secret masking', () => {
  it('masks the engine key, HF_TOKEN and the access token in the log, the download and the command', async () => {
    const client = openSse(`${app.url}/api/engine/logs`, { method: 'POST' });
    await startEngine(app.url, { port: await freePort() }, 'ernie-4.5-vl-thinking-awq');
    const ready = await waitForState(app.url, ['ready'], 30_000);
    client.close();
    const apiKey = engineApiKey(ready.pid ?? 0);
    expect(apiKey.length).toBeGreaterThan(20);
    const live = client.messages.map((m) => m.data).join('\n');
    const download = await (await fetch(`${app.url}/api/engine/logs/download`)).text();
    const shown = [live, download, JSON.stringify(ready.command)];
    for (const text of shown) {
      expect(text).not.toContain(HF_TOKEN);
      expect(text).not.toContain(TEST_TOKEN);
      expect(text).not.toContain(apiKey);
    }
    // The lines are there, with the secrets replaced.
    expect(live).toContain('downloading with token=*** and access=***');
    expect(download).toContain('downloading with token=*** and access=***');
    expect(live).toContain('engine environment: VLLM_API_KEY=***');
  });
});
