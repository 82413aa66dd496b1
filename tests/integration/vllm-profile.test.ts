// The real vLLM profiles end to end, with the Python and the Hub downloader replaced by stand-ins on disk
// (tests/fixtures/fake-python): the download runs first as its own stage, then the ERNIE command line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, REPO, startApp } from '../helpers/app-server';
import { openSse, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';

const FAKE = path.join(REPO, 'tests', 'fixtures', 'fake-python');
const hfHome = fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-hf-home-'));
let app: AppServer;

beforeAll(async () => {
  app = await startApp({ VLM_CONSOLE_PYTHON: path.join(FAKE, 'python3'), HF_HOME: hfHome });
});

afterAll(async () => {
  await app?.stop();
});

describe('a vLLM profile', () => {
  it('downloads missing weights as a visible stage, then runs the ERNIE command line to ready', async () => {
    const client = openSse(`${app.url}/api/engine/logs`, { method: 'POST' });
    const start = await startEngine(app.url, { port: await freePort() }, 'ernie-4.5-vl-thinking-awq');
    expect(start.status).toBe(202);
    const ready = await waitForState(app.url, ['ready'], 30_000);
    client.close();
    expect(ready.model?.id).toBe('cyankiwi/ERNIE-4.5-VL-28B-A3B-Thinking-AWQ-4bit');
    const command = ready.command?.join(' ') ?? '';
    expect(command).toContain(
      '-m vllm.entrypoints.cli.main serve cyankiwi/ERNIE-4.5-VL-28B-A3B-Thinking-AWQ-4bit',
    );
    expect(command).toContain('--trust-remote-code');
    expect(command).toContain('--reasoning-parser ernie45');
    expect(command).not.toContain('--quantization');

    const statuses = client.messages.filter((m) => m.event === 'status').map((m) => JSON.parse(m.data));
    const download = statuses.filter((s) => s.stage?.name === 'downloading weights');
    expect(download.length).toBeGreaterThan(0);
    expect(download.some((s) => typeof s.stage.progress === 'number')).toBe(true);
    const stages = statuses.map((s) => s.stage?.name);
    expect(stages.indexOf('downloading weights')).toBeLessThan(stages.indexOf('loading weights'));
    const fetchLines = client.messages.filter(
      (m) => m.event === 'log' && m.data.includes('Fetching 4 files'),
    );
    // One log line for the redrawn bar, however often it was redrawn.
    expect(new Set(fetchLines.map((m) => JSON.parse(m.data).seq)).size).toBe(1);

    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 15_000);
  });

  it('skips the download once the weights are in the cache', async () => {
    const client = openSse(`${app.url}/api/engine/logs`, { method: 'POST' });
    await startEngine(app.url, { port: await freePort() }, 'ernie-4.5-vl-thinking-awq');
    const ready = await waitForState(app.url, ['ready'], 30_000);
    client.close();
    const launchLines = client.messages
      .filter((m) => m.event === 'log')
      .map((m) => JSON.parse(m.data))
      .filter((l) => l.seq > 0 && l.ts >= (ready.startedAt ?? 0));
    expect(launchLines.some((l) => l.text.includes('Downloading weights first'))).toBe(false);
    await stopEngine(app.url);
    await waitForState(app.url, ['stopped'], 15_000);
  });

  it('fails with the downloader’s error when the repository is gated', async () => {
    await app.stop();
    app = await startApp({
      VLM_CONSOLE_PYTHON: path.join(FAKE, 'python3'),
      HF_HOME: hfHome,
      FAKE_HF_FAIL: 'gated',
    });
    await startEngine(app.url, { port: await freePort(), model: 'someone/gated-model' }, 'vllm-custom');
    const failed = await waitForState(app.url, ['failed'], 20_000);
    expect(failed.error).toMatch(/GatedRepoError/);
    await waitFor(async () => (await fetch(`${app.url}/api/engine`)).ok, 1000, 'app alive');
  });
});
