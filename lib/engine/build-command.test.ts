import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCommand, maskCommand, resolveOptions } from './build-command';
import { parseLlamaServerHelp } from './engine-help';
import { ENGINE_KIND_SPECS } from './engine-kinds';
import { findProfile, PROFILES } from './profiles';

const CTX = {
  python: '/venv/bin/python',
  node: '/usr/bin/node',
  appDir: '/app',
  host: '127.0.0.1',
  apiKey: 'k3y-0123456789',
};

function commandFor(profileId: string, user: Record<string, unknown> = {}) {
  const profile = findProfile(profileId);
  if (!profile) throw new Error(`no profile ${profileId}`);
  const resolved = resolveOptions(profile, user);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  return buildCommand(profile, resolved.options, { ...CTX, binary: '/opt/llama-server' });
}

describe('argument building per profile', () => {
  it('ERNIE AWQ: vLLM serve with remote code, the ernie45 parser, JSON mm limit and no forced quantization', () => {
    const cmd = commandFor('ernie-4.5-vl-thinking-awq');
    expect(cmd?.executable).toBe('/venv/bin/python');
    const args = cmd?.args ?? [];
    expect(args.slice(0, 4)).toEqual([
      '-m',
      'vllm.entrypoints.cli.main',
      'serve',
      'cyankiwi/ERNIE-4.5-VL-28B-A3B-Thinking-AWQ-4bit',
    ]);
    expect(args).toContain('--trust-remote-code');
    expect(args.join(' ')).toContain('--reasoning-parser ernie45');
    expect(args.join(' ')).toContain('--limit-mm-per-prompt {"image":4,"video":1}');
    expect(args.join(' ')).toContain('--host 127.0.0.1 --port 8000');
    expect(args.join(' ')).toContain('--max-model-len 32768');
    expect(args).not.toContain('--quantization');
    // The key travels in the environment, not on the command line where `ps` shows it.
    expect(args).not.toContain('k3y-0123456789');
    expect(cmd?.env).toEqual({ VLLM_API_KEY: 'k3y-0123456789' });
  });

  it('InternVL2 AWQ forces --quantization awq', () => {
    expect(commandFor('internvl2-8b-awq')?.args.join(' ')).toContain('--quantization awq');
  });

  it('allows video only for profiles whose model takes it', () => {
    expect(commandFor('qwen2.5-vl-7b')?.args.join(' ')).toContain('{"image":4,"video":1}');
    expect(commandFor('internvl2-8b-awq')?.args.join(' ')).toContain('{"image":2,"video":0}');
  });

  it('the demo engine takes the same vLLM flags, run by the app’s own Node', () => {
    const cmd = commandFor('demo', { extraArgs: ['--tokens-per-second', '0'] });
    expect(cmd?.executable).toBe('/usr/bin/node');
    expect(cmd?.args.slice(0, 3)).toEqual(['/app/engines/demo-engine.mjs', '--model', 'demo/vlm-demo']);
    expect(cmd?.args.slice(-2)).toEqual(['--tokens-per-second', '0']);
  });

  it('SGLang passes the key as a flag and maps options to its own spellings', () => {
    const args = commandFor('sglang-custom', { model: 'Qwen/Qwen2.5-VL-7B-Instruct' })?.args.join(' ') ?? '';
    expect(args).toContain('-m sglang.launch_server --model-path Qwen/Qwen2.5-VL-7B-Instruct');
    expect(args).toContain('--context-length 8192');
    expect(args).toContain('--mem-fraction-static 0.85');
    expect(args).toContain('--api-key k3y-0123456789');
  });

  it('llama.cpp runs the resolved binary with a GGUF from the Hub', () => {
    const cmd = commandFor('llama-cpp', { hfRepo: 'ggml-org/gemma-3-4b-it-GGUF' });
    expect(cmd?.executable).toBe('/opt/llama-server');
    expect(cmd?.args.join(' ')).toContain('-hf ggml-org/gemma-3-4b-it-GGUF');
    // The variable llama-server's own help names for --api-key (LLAMA_API_KEY), not the LLAMA_ARG_ pattern.
    const help = parseLlamaServerHelp(
      readFileSync('tests/fixtures/engine-help/llama-server-help.txt', 'utf8'),
    );
    const keyEnv = help['--api-key']?.env ?? 'missing';
    expect(cmd?.env).toEqual({ [keyEnv]: 'k3y-0123456789' });
  });

  it('external launches nothing', () => {
    expect(commandFor('external', { baseUrl: 'https://vllm.example.org' })).toBeNull();
  });

  it('every profile’s defaults are valid for its engine kind (custom ones need a model)', () => {
    for (const profile of PROFILES) {
      const user: Record<string, unknown> =
        profile.id === 'vllm-custom' || profile.id === 'sglang-custom'
          ? { model: 'owner/name' }
          : profile.id === 'llama-cpp'
            ? { hfRepo: 'owner/name' }
            : profile.id === 'external'
              ? { baseUrl: 'http://127.0.0.1:9000' }
              : {};
      expect(resolveOptions(profile, user), profile.id).toMatchObject({ ok: true });
    }
  });

  it('masks the API key in the command shown to people', () => {
    const profile = findProfile('sglang-custom');
    const cmd = commandFor('sglang-custom', { model: 'a/b' });
    if (!profile || !cmd) throw new Error('missing');
    expect(maskCommand(cmd, ['k3y-0123456789']).join(' ')).not.toContain('k3y-0123456789');
    expect(maskCommand(cmd, ['k3y-0123456789'])).toContain('***');
  });
});

describe('option validation names the field', () => {
  const demo = findProfile('demo');
  if (!demo) throw new Error('no demo profile');
  const issues = (user: Record<string, unknown>) => {
    const r = resolveOptions(demo, user);
    return r.ok ? [] : r.issues.map((i) => i.field);
  };

  it.each([
    [{ maxModelLen: 255 }, 'options.maxModelLen'],
    [{ maxModelLen: 1_048_577 }, 'options.maxModelLen'],
    [{ gpuMemoryUtilization: 0.05 }, 'options.gpuMemoryUtilization'],
    [{ gpuMemoryUtilization: 0.995 }, 'options.gpuMemoryUtilization'],
    [{ tensorParallelSize: 0 }, 'options.tensorParallelSize'],
    [{ imagesPerPrompt: 17 }, 'options.imagesPerPrompt'],
    [{ port: 80 }, 'options.port'],
    [{ port: 70000 }, 'options.port'],
    [{ model: '../../etc/passwd' }, 'options.model'],
    [{ model: 'owner/../x' }, 'options.model'],
    [{ model: '/tmp/../etc' }, 'options.model'],
    [{ servedModelName: 'a b' }, 'options.servedModelName'],
    [{ extraArgs: ['--seed', '1;reboot'] }, 'options.extraArgs.1'],
    [{ extraArgs: ['--seed', '$(id)'] }, 'options.extraArgs.1'],
    [{ extraArgs: ['--api-key', 'x'] }, 'options.extraArgs.0'],
    [{ extraArgs: ['--port=1'] }, 'options.extraArgs.0'],
    [{ extraArgs: ['dangling'] }, 'options.extraArgs.0'],
    [{ unknownOption: 1 }, 'options'],
  ])('%j → %s', (user, field) => {
    expect(issues(user as Record<string, unknown>)).toContain(field);
  });

  it('accepts allowed extra flags with values, and flag=value', () => {
    expect(
      issues({ extraArgs: ['--max-num-batched-tokens', '8192', '--seed=3', '--enable-prefix-caching'] }),
    ).toEqual([]);
  });

  it('never lets a request choose the listen address or the key', () => {
    for (const spec of Object.values(ENGINE_KIND_SPECS)) {
      expect(spec.extraFlags).not.toContain('--host');
      expect(spec.extraFlags).not.toContain('--api-key');
      expect(spec.extraFlags).not.toContain('--port');
    }
  });

  it('http(s) only for external servers', () => {
    const external = findProfile('external');
    if (!external) throw new Error('no external');
    expect(resolveOptions(external, { baseUrl: 'file:///etc/passwd' })).toMatchObject({ ok: false });
    expect(resolveOptions(external, { baseUrl: 'gopher://x' })).toMatchObject({ ok: false });
    expect(resolveOptions(external, { baseUrl: 'https://x.example/v1' })).toMatchObject({ ok: true });
  });
});
