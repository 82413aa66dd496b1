// "Install vLLM" from the console: the planner's plan for the machine's driver, a venv and vLLM in it as a
// supervised job whose output streams into the log, the self-test, and every failure diagnosed. Python,
// pip and nvidia-smi are stand-ins (tests/fixtures): nvidia-smi reports Colab's driver 550 / CUDA 12.4 by
// default, FAKE_NVIDIA_SMI=h200 a CUDA 13 driver, =old-driver an R470 one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_VLLM_VERSION } from '@/lib/engine/vllm-install';
import { type AppServer, REPO, startApp } from '../helpers/app-server';
import { ANONYMOUS } from '../helpers/auth';
import { getStatus, openSse, startEngine, stopEngine, waitForState } from '../helpers/engine-api';
import { freePort, waitFor } from '../helpers/net';
import { processesOfLaunch } from '../helpers/processes';

const FAKE = path.join(REPO, 'tests/fixtures/fake-python');
const FAKE_SMI = path.join(REPO, 'tests/fixtures/fake-nvidia-smi');
let app: AppServer | null = null;

afterEach(async () => {
  await app?.stop();
  app = null;
});

async function appWithFakePython(env: Record<string, string> = {}, dataDir?: string) {
  app = await startApp(
    { PATH: `${FAKE}:${FAKE_SMI}:${process.env.PATH}`, VLM_CONSOLE_HF_DOWNLOAD: 'off', ...env },
    dataDir,
  );
  return app;
}

const install = (url: string, body: unknown) =>
  fetch(`${url}/api/engine/install`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const plan = async (url: string, query = '') => {
  const res = await fetch(`${url}/api/engine/install/plan${query}`);
  return { status: res.status, body: await res.json() };
};

const jobState = (url: string, states: string[]) =>
  waitFor(
    async () => {
      const job = (await getStatus(url)).job;
      return job && states.includes(job.state) ? job : null;
    },
    20_000,
    `install job ${states.join('|')}`,
  );

const logText = async (url: string) => (await fetch(`${url}/api/engine/logs/download`)).text();

describe('the install plan for this machine', () => {
  it('gives a CUDA 12.4 driver the +cu129 build, behind sign-in, and validates ?version=', async () => {
    const { url } = await appWithFakePython();
    const { status, body } = await plan(url);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      vllm: DEFAULT_VLLM_VERSION,
      variant: 'cu129',
      installer: 'pip',
      refusal: null,
    });
    const vllmStep = (body.commands as string[][]).find(
      (c) => c.includes('install') && c.some((a) => a.startsWith('vllm==')),
    );
    expect(vllmStep).toContain(`vllm==${DEFAULT_VLLM_VERSION}+cu129`);
    expect(vllmStep).toContain(`https://wheels.vllm.ai/${DEFAULT_VLLM_VERSION}/cu129`);
    expect(vllmStep).toContain('https://download.pytorch.org/whl/cu129');

    expect((await plan(url, '?version=0.30.0')).body.vllm).toBe('0.30.0');
    const bad = await plan(url, '?version=0.30.0%20--index-url%20http://evil');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/version/);
    const anonymous = await fetch(`${url}/api/engine/install/plan`, { headers: ANONYMOUS });
    expect(anonymous.status).toBe(401);
  });

  it('gives a CUDA 13 driver the default release from PyPI', async () => {
    const { url } = await appWithFakePython({ FAKE_NVIDIA_SMI: 'h200' });
    const { body } = await plan(url);
    expect(body).toMatchObject({ vllm: DEFAULT_VLLM_VERSION, variant: 'cu130', refusal: null });
    expect(body.commands.flat()).toContain(`vllm==${DEFAULT_VLLM_VERSION}`);
    expect(body.commands.flat().join(' ')).not.toContain('wheels.vllm.ai');
  });

  it('refuses a driver too old, naming the driver needed, and the install button is refused the same way', async () => {
    const { url } = await appWithFakePython({ FAKE_NVIDIA_SMI: 'old-driver' });
    const { body } = await plan(url);
    expect(body.commands).toEqual([]);
    expect(body.refusal.message).toMatch(/470\.182\.03/);
    expect(body.refusal.message).toMatch(/525 or newer/);
    const res = await install(url, {});
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      message: body.refusal.message,
      hint: body.refusal.hint,
    });
  });
});

describe('installing vLLM from the console', () => {
  it('creates the venv, streams pip’s output, self-tests, and later launches use its Python', async () => {
    const { url, dataDir } = await appWithFakePython();
    const client = openSse(`${url}/api/engine/logs`, { method: 'POST' });
    const res = await install(url, { version: '0.11.2' });
    expect(res.status).toBe(202);
    const done = await jobState(url, ['succeeded', 'failed']);
    client.close();
    expect(done).toMatchObject({ state: 'succeeded', variant: 'cu129', installer: 'pip' });
    const log = client.messages
      .filter((m) => m.event === 'log')
      .map((m) => JSON.parse(m.data) as { seq: number; text: string });
    expect(log.some((l) => l.text.includes('Successfully installed vllm-0.11.2+cu129'))).toBe(true);
    expect(log.some((l) => l.text.startsWith('self-test: CUDA works'))).toBe(true);
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

  it('replaces a broken venv left by an earlier run instead of installing into it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-console-broken-venv-'));
    try {
      fs.mkdirSync(path.join(dataDir, 'vllm-venv', 'lib'), { recursive: true });
      const { url } = await appWithFakePython({}, dataDir);
      await install(url, {});
      expect((await jobState(url, ['succeeded', 'failed'])).state).toBe('succeeded');
      expect(await logText(url)).toContain('Removed a broken virtual environment');
      expect(fs.existsSync(path.join(dataDir, 'vllm-venv', 'bin', 'python'))).toBe(true);
    } finally {
      await app?.stop();
      app = null;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('reports a failed install with pip’s error, and can be cancelled leaving nothing running', {
    timeout: 90_000,
  }, async () => {
    const { url } = await appWithFakePython({ FAKE_PIP: 'fail' });
    await install(url, { version: '9.9.9' });
    const failed = await jobState(url, ['failed']);
    expect(failed.error).toMatch(/Install vLLM 9.9.9 \(cu129\) failed/);
    // It says which Python and platform pip matched wheels for.
    expect(failed.error).toContain('Found: Python 3.12.3 on linux x86_64 (glibc 2.35)');
    expect(failed.diagnosis?.category).toBe('no_matching_distribution');
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
    expect(fs.existsSync(path.join(slow.dataDir, 'vllm-venv'))).toBe(false);
  });

  it('refuses a version that is not a plain version number', async () => {
    const { url } = await appWithFakePython();
    const res = await install(url, { version: '0.11.2 --index-url http://evil' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/version/);
  });
});

describe('an install that fails is explained', () => {
  it('offline: stops at the network check before the long steps, says so, and leaves no venv', async () => {
    const { url, dataDir } = await appWithFakePython({ FAKE_NETWORK: 'offline', FAKE_PIP: 'offline' });
    await install(url, {});
    const failed = await jobState(url, ['failed']);
    expect(failed.error).toMatch(/^Check the network failed/);
    expect(failed.diagnosis).toMatchObject({ category: 'no_network', ruleId: 'install-no-network' });
    expect(failed.diagnosis?.line.text).toContain('Temporary failure in name resolution');
    expect(failed.diagnosis?.fix).toMatch(/PIP_INDEX_URL/);
    expect(failed.diagnosis?.fix).toMatch(/\.whl/);
    expect(fs.existsSync(path.join(dataDir, 'vllm-venv'))).toBe(false);
  });

  it('pip offline after a network check that passed: "Update pip" exits 0 after its retries, and still fails', async () => {
    const { url, dataDir } = await appWithFakePython({ FAKE_PIP: 'offline' });
    await install(url, {});
    const failed = await jobState(url, ['failed']);
    expect(failed.error).toMatch(/^Update pip exited 0, but it could not download/);
    expect(failed.diagnosis?.category).toBe('no_network');
    // The half-made venv does not stay in the data dir.
    expect(fs.existsSync(path.join(dataDir, 'vllm-venv'))).toBe(false);
    expect(await logText(url)).toContain('Removed the half-made virtual environment');
  });

  it('a venv that installs but does not load: the self-test fails and is diagnosed', async () => {
    const { url } = await appWithFakePython({ FAKE_SELFTEST: 'undefined-symbol' });
    await install(url, {});
    const failed = await jobState(url, ['failed']);
    expect(failed.error).toMatch(/^Self-test failed/);
    expect(failed.diagnosis?.category).toBe('torch_cuda_mismatch');
    expect(failed.diagnosis?.line.text).toMatch(/undefined symbol/);
    await app?.stop();

    const mismatch = await appWithFakePython({ FAKE_SELFTEST: 'cuda-mismatch' });
    await install(mismatch.url, {});
    const wrongTorch = await jobState(mismatch.url, ['failed']);
    expect(wrongTorch.diagnosis).toMatchObject({
      category: 'torch_cuda_mismatch',
      ruleId: 'self-test-cuda-newer-than-driver',
    });
    expect(wrongTorch.diagnosis?.line.text).toContain('the driver supports CUDA 12.4');
  });
});
