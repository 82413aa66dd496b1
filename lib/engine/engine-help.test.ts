import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  closestFlags,
  helpPointsToAll,
  parseArgparseHelp,
  parseLlamaServerHelp,
  parseLlamaVersion,
  parsePackageVersion,
} from './engine-help';

const fixture = (name: string) => readFileSync(`tests/fixtures/engine-help/${name}`, 'utf8');

describe("vLLM's help (real output of three builds)", () => {
  const v011 = parseArgparseHelp(fixture('vllm-0.11.0-help-all.txt'));
  const jan = parseArgparseHelp(fixture('vllm-main-2026-01-27-help-all.txt'));
  const may = parseArgparseHelp(fixture('vllm-main-2026-05-29-help-all.txt'));

  it('plain --help only lists groups and points to --help=all; --help=all lists hundreds of flags', () => {
    for (const name of ['vllm-0.11.0', 'vllm-main-2026-01-27', 'vllm-main-2026-05-29']) {
      expect(helpPointsToAll(fixture(`${name}-help.txt`))).toBe(true);
      expect(helpPointsToAll(fixture(`${name}-help-all.txt`))).toBe(false);
    }
    expect(Object.keys(v011).length).toBeGreaterThan(200);
  });

  it('knows which flags each version has (the ones the issue names)', () => {
    expect('--swap-space' in v011).toBe(true);
    expect('--shutdown-timeout' in v011).toBe(false);
    expect('--default-chat-template-kwargs' in v011).toBe(false);
    expect('--disable-access-log-for-endpoints' in v011).toBe(false);
    expect('--disable-access-log-for-endpoints' in jan).toBe(true);
    expect('--swap-space' in jan).toBe(true);
    expect('--swap-space' in may).toBe(false);
    expect('--shutdown-timeout' in may).toBe(true);
  });

  it('tells switches from flags that take a value, aliases and --no- forms included', () => {
    expect(v011['--enable-prefix-caching']).toEqual({ arity: 'none' });
    expect(v011['--no-enable-prefix-caching']).toEqual({ arity: 'none' });
    expect(v011['--enforce-eager']?.arity).toBe('none');
    expect(v011['--max-model-len']?.arity).toBe('required');
    expect(v011['-tp']?.arity).toBe('required');
    expect(v011['--distributed-executor-backend']?.arity).toBe('required');
    expect(v011['--api-key']?.arity).toBe('required');
    expect(v011['--hf-token']?.arity).toBe('optional');
    // The help's own flag and the platform log line before the usage are not flags.
    expect(v011['--help']).toBeUndefined();
    expect(Object.keys(v011).every((f) => f.startsWith('-'))).toBe(true);
  });
});

describe("llama-server's help", () => {
  const table = parseLlamaServerHelp(fixture('llama-server-help.txt'));

  it('reads each spelling, its value hint and the env variable it names', () => {
    expect(table['--api-key']).toEqual({ arity: 'required', env: 'LLAMA_API_KEY' });
    expect(table['-c']).toEqual({ arity: 'required', env: 'LLAMA_ARG_CTX_SIZE' });
    expect(table['--n-gpu-layers']?.env).toBe('LLAMA_ARG_N_GPU_LAYERS');
    expect(table['-hf']?.arity).toBe('required');
    expect(table['--flash-attn']?.arity).toBe('optional');
    expect(table['--jinja']).toEqual({ arity: 'none', env: 'LLAMA_ARG_JINJA' });
    expect(table['--no-jinja']?.arity).toBe('none');
    expect(table['--metrics']?.arity).toBe('none');
    expect(table['--mlock']).toBeUndefined();
    expect(Object.keys(table).some((f) => f.startsWith('---'))).toBe(false);
  });

  it('reads the build number from --version', () => {
    expect(parseLlamaVersion('version: 10021 (33a75f41)\nbuilt with MSVC 19.4 for x64\n')).toBe(
      'b10021 (33a75f41)',
    );
    expect(parseLlamaVersion('usage: ...')).toBeNull();
  });
});

describe("SGLang's help", () => {
  const table = parseArgparseHelp(fixture('sglang-help.txt'));
  it('reads both spellings of --model-path and the store_true switches', () => {
    expect(table['--model-path']?.arity).toBe('required');
    expect(table['--model']?.arity).toBe('required');
    expect(table['--trust-remote-code']?.arity).toBe('none');
    expect(table['--mem-fraction-static']?.arity).toBe('required');
    expect(table['--quantization']?.arity).toBe('required');
  });
});

describe('versions and suggestions', () => {
  it('takes the version printed alone after any log lines', () => {
    expect(
      parsePackageVersion('INFO 12-03 [__init__.py:216] Automatically detected platform cuda.\n0.11.0\n'),
    ).toBe('0.11.0');
    expect(parsePackageVersion('0.17.0rc1.dev42+gabcdef0\n')).toBe('0.17.0rc1.dev42+gabcdef0');
    expect(parsePackageVersion('no')).toBeNull();
  });

  it('suggests the nearest known spelling', () => {
    const known = Object.keys(parseArgparseHelp(fixture('vllm-0.11.0-help-all.txt')));
    expect(closestFlags('--enable-prefix-cache', known)[0]).toBe('--enable-prefix-caching');
    expect(closestFlags('--zzzz-totally-unknown', known)).toEqual([]);
  });
});
