// "Install vLLM" from the console: a venv and a pinned vLLM, as a supervised job whose output streams into
// the log; afterwards launches use the venv's Python. Python and pip are stand-ins (tests/fixtures).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppServer, REPO, startApp } from '../helpers/app-server';
import { getStatus, openSse, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';
import { processesOfLaunch } from '../helpers/processes';

const FAKE = path.join(REPO, 'tests/fixtures/fake-python');
let app: AppServer | null = null;

afterEach(async () => {
  await app?.stop();
  app = null;
});

async function appWithFakePython(env: Record<string, string> = {}) {
  app = await startApp({ PATH: `${FAKE}:${process.env.PATH}`, VLM_CONSOLE_HF_DOWNLOAD: 'off', ...env });
  return app;
}

const install = (url: string, body: unknown) =>
  fetch(`${url}/api/engine/install`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const jobState = (url: string, states: string[]) =>
  waitFor(
    async () => {
      const job = (await getStatus(url)).job;
      return job && states.includes(job.state) ? job : null;
    },
    20_000,
    `install job ${states.join('|')}`,
  );

describe('installing vLLM from the console', () => {
  it('creates the venv, streams pip’s output, and later launches use its Python', async () => {
    const { url, dataDir } = await appWithFakePython();
    const client = openSse(`${url}/api/engine/logs`, { method: 'POST' });
    const res = await install(url, { version: '0.11.2' });
    expect(res.status).toBe(202);
    const done = await jobState(url, ['succeeded', 'failed']);
    client.close();
    expect(done.state).toBe('succeeded');
    const log = client.messages
      .filter((m) => m.event === 'log')
      .map((m) => JSON.parse(m.data) as { seq: number; text: string });
    expect(log.some((l) => l.text.includes('Successfully installed vllm-0.11.2'))).toBe(true);
    // pip's redrawn download bar is one line per pip run (pip itself, then vLLM), not five each; its redraws
    // arrive as updates of that line's seq.
    expect(new Set(log.filter((l) => l.text.includes('/5 MB')).map((l) => l.seq)).size).toBe(2);
    const venvPython = path.join(dataDir, 'vllm-venv', 'bin', 'python');
    expect(fs.existsSync(venvPython)).toBe(true);

    await startEngine(url, { port: await freePort() }, 'ernie-4.5-vl-thinking-awq');
    const ready = await waitForState(url, ['ready'], 30_000);
    expect(ready.command?.[0]).toBe(venvPython);
    await stopEngine(url);
    await waitForState(url, ['stopped'], 15_000);
  });

  it('reports a failed install with pip’s error, and can be cancelled leaving nothing running', {
    timeout: 90_000,
  }, async () => {
    const { url } = await appWithFakePython({ FAKE_PIP: 'fail' });
    await install(url, { version: '9.9.9' });
    const failed = await jobState(url, ['failed']);
    expect(failed.error).toMatch(/Install vLLM 9.9.9 failed/);
    await app?.stop();

    const slow = await appWithFakePython({ FAKE_PIP: 'slow' });
    await install(slow.url, { version: '0.11.2' });
    const running = await jobState(slow.url, ['running']);
    await waitFor(
      async () => (await getStatus(slow.url)).job?.step?.startsWith('Update pip'),
      10_000,
      'pip running',
    );
    const refused = await startEngine(slow.url, { port: await freePort() });
    expect(refused.status).toBe(409);
    const cancel = await fetch(`${slow.url}/api/engine/install/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(202);
    await jobState(slow.url, ['cancelled']);
    await waitFor(() => processesOfLaunch(running.id).length === 0, 10_000, 'the job’s processes to end');
  });

  it('refuses a version that is not a plain version number', async () => {
    const { url } = await appWithFakePython();
    const res = await install(url, { version: '0.11.2 --index-url http://evil' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/version/);
  });
});
