// The preselected profile follows what the machine can run: vLLM on a GPU, else llama-server on a GPU, else demo.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import { chooseDefaultProfile, machineTraits } from './default-profile';

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures');
const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('chooseDefaultProfile', () => {
  it('prefers vLLM, then llama-server, on a GPU; the demo engine without one', () => {
    expect(chooseDefaultProfile({ gpu: true, vllm: true, llamaServer: true })).toBe(
      'ernie-4.5-vl-thinking-awq',
    );
    expect(chooseDefaultProfile({ gpu: true, vllm: false, llamaServer: true })).toBe('llama-cpp');
    expect(chooseDefaultProfile({ gpu: true, vllm: false, llamaServer: false })).toBe('demo');
    expect(chooseDefaultProfile({ gpu: false, vllm: true, llamaServer: true })).toBe('demo');
  });
});

describe('machineTraits', () => {
  it('finds a GPU (nvidia-smi) and a configured llama-server on a machine without vLLM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'default-profile-'));
    const llama = path.join(dir, 'llama-server');
    fs.writeFileSync(llama, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    process.env.PATH = `${path.join(FIXTURES, 'fake-nvidia-smi')}${path.delimiter}${savedPath}`;
    // python3 of this machine has no vLLM; the fake nvidia-smi lists one A100.
    const env = { VLM_CONSOLE_LLAMA_SERVER: llama, dataDir: dir } as AppEnv;
    const traits = await machineTraits(env);
    expect(traits).toEqual({ gpu: true, vllm: false, llamaServer: true });
    expect(chooseDefaultProfile(traits)).toBe('llama-cpp');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
