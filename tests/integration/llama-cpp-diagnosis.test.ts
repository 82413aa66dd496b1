// A llama.cpp launch that fails is diagnosed with llama.cpp's fix, not vLLM's: the launch passes its engine
// kind to the diagnosis. A stand-in llama-server prints real llama.cpp failure lines and exits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, REPO, startApp } from '../helpers/app-server';
import { startEngine, waitForState } from '../helpers/engine-api';
import { freePort } from '../helpers/net';

const FAKE = path.join(REPO, 'tests', 'fixtures', 'fake-llama-server', 'llama-server');
// The launch checks the file exists; the stand-in never reads it.
const modelFile = path.join(
  fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-gguf-')),
  'Qwen3.5-397B-A17B-Q2_K.gguf',
);
fs.writeFileSync(modelFile, 'GGUF');
let app: AppServer;

beforeAll(async () => {
  app = await startApp({ VLM_CONSOLE_LLAMA_SERVER: FAKE });
});

afterAll(async () => {
  await app?.stop();
});

describe('llama.cpp launch diagnosis', () => {
  it('out of GPU memory → fewer GPU layers or a smaller quant, known to be llama.cpp', async () => {
    const start = await startEngine(app.url, { modelFile, port: await freePort() }, 'llama-cpp');
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    const ended = await waitForState(app.url, ['crashed', 'failed'], 20_000);
    const diagnosis = ended.diagnosis;
    expect(diagnosis?.category).toBe('cuda_oom');
    expect(diagnosis?.ruleId).toBe('llama-cpp-oom');
    expect(diagnosis?.fix).toContain('-ngl');
    expect(diagnosis?.fix).not.toContain('--gpu-memory-utilization');
    expect(diagnosis?.line.text).toContain('cudaMalloc failed: out of memory');
    // The engine came from the launch, not from a guess over the log's wording.
    expect(diagnosis?.engine).toBe('llama-cpp');
    expect(diagnosis?.engineGuessed).toBeUndefined();
  });
});
