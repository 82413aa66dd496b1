// The builder against the help of real engine builds: what a launch passes, leaves out, adds and refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCommand, resolveOptions } from './build-command';
import { parseArgparseHelp } from './engine-help';
import { type EngineCapabilities, staticCapabilities } from './engine-help-table';
import { findProfile } from './profiles';

const CTX = {
  python: '/venv/bin/python',
  node: '/usr/bin/node',
  appDir: '/app',
  host: '127.0.0.1',
  apiKey: 'k',
};

function vllm(version: string, file: string): EngineCapabilities {
  const flags = parseArgparseHelp(readFileSync(`tests/fixtures/engine-help/${file}`, 'utf8'));
  return { kind: 'vllm', version, source: 'engine', flags, reason: null };
}
const V011 = vllm('0.11.0', 'vllm-0.11.0-help-all.txt');
const JAN = vllm('0.0.0.dev0+g6ee7f18f3', 'vllm-main-2026-01-27-help-all.txt');
const MAY = vllm('0.0.0.dev0+g4ff865c38', 'vllm-main-2026-05-29-help-all.txt');

function launch(
  caps: EngineCapabilities,
  user: Record<string, unknown> = {},
  profileId = 'ernie-4.5-vl-thinking-awq',
) {
  const profile = findProfile(profileId);
  if (!profile) throw new Error(profileId);
  const resolved = resolveOptions(profile, user, caps);
  if (!resolved.ok) return { issues: resolved.issues.map((i) => `${i.field}: ${i.message}`) };
  const cmd = buildCommand(profile, resolved.options, CTX, caps);
  if (!cmd) throw new Error('no command');
  return { cmd };
}

const flagsOf = (args: string[]) => args.filter((a) => a.startsWith('-') && !/^-\d/.test(a) && a !== '-m');

describe.each([V011, JAN, MAY])('a launch on vLLM $version', (caps) => {
  it('passes only flags this version knows', () => {
    const result = launch(caps, {
      pipelineParallelSize: 2,
      dataParallelSize: 2,
      distributedExecutorBackend: 'ray',
    });
    if (!('cmd' in result) || !result.cmd) throw new Error(JSON.stringify(result));
    const unknown = flagsOf(result.cmd.args).filter((f) => !(f in caps.flags));
    expect(unknown).toEqual([]);
    expect(result.cmd.args.join(' ')).toContain('--pipeline-parallel-size 2 --data-parallel-size 2');
    expect(result.cmd.args.join(' ')).toContain('--distributed-executor-backend ray');
  });
});

describe('flags that differ between versions', () => {
  it('quiet probes: added where the help lists --disable-access-log-for-endpoints, with a line saying so', () => {
    const old = launch(V011);
    const neu = launch(JAN);
    if (!('cmd' in old && 'cmd' in neu) || !old.cmd || !neu.cmd) throw new Error('refused');
    expect(old.cmd.args).not.toContain('--disable-access-log-for-endpoints');
    expect(neu.cmd.args.join(' ')).toContain('--disable-access-log-for-endpoints /health,/metrics');
    expect(neu.cmd.notes.join('\n')).toMatch(/has --disable-access-log-for-endpoints: added/);
    // Never guessed from a version: the built-in table adds nothing.
    const stat = launch(staticCapabilities('vllm', 'engine not found'));
    if (!('cmd' in stat) || !stat.cmd) throw new Error('refused');
    expect(stat.cmd.args).not.toContain('--disable-access-log-for-endpoints');
  });

  it("a user's flag the installed version lacks is refused, naming it and the version", () => {
    expect(launch(V011, { extraArgs: ['--shutdown-timeout', '5'] }).issues).toEqual([
      'options.extraArgs.0: vLLM 0.11.0 does not know --shutdown-timeout',
    ]);
    expect(launch(MAY, { extraArgs: ['--swap-space', '4'] }).issues?.[0]).toMatch(
      /does not know --swap-space/,
    );
    expect(launch(V011, { extraArgs: ['--swap-space', '4'] }).cmd?.args.slice(-2)).toEqual([
      '--swap-space',
      '4',
    ]);
  });

  it('a misspelt flag gets a "did you mean" from the known flags', () => {
    expect(launch(V011, { extraArgs: ['--enable-prefix-cache'] }).issues?.[0]).toMatch(
      /does not know --enable-prefix-cache; did you mean --enable-prefix-caching/,
    );
  });

  it('a flag the app would add that this build lacks is replaced by an equivalent spelling, or left out', () => {
    const { '--tensor-parallel-size': _, ...withoutLong } = V011.flags;
    const aliasOnly = { ...V011, flags: withoutLong };
    const replaced = launch(aliasOnly, { tensorParallelSize: 2 });
    expect(replaced.cmd?.args.join(' ')).toContain('-tp 2');
    expect(replaced.cmd?.notes.join('\n')).toMatch(/has no --tensor-parallel-size: using -tp instead/);
    const { '--pipeline-parallel-size': __, '-pp': ___, ...withoutPp } = V011.flags;
    const left = launch({ ...V011, flags: withoutPp }, { pipelineParallelSize: 2 });
    expect(left.cmd?.args).not.toContain('--pipeline-parallel-size');
    expect(left.cmd?.notes.join('\n')).toMatch(/has no --pipeline-parallel-size: left out/);
  });
});

describe('switches and values', () => {
  it.each([V011, staticCapabilities('vllm', 'engine not found')])(
    'a value after a switch is a stray positional, refused (%#)',
    (caps) => {
      const { issues } = launch(caps, { extraArgs: ['--enable-prefix-caching', '/etc'] });
      expect(issues?.[0]).toMatch(/extraArgs\.1: "\/etc" must follow a flag that takes a value/);
    },
  );

  it('a switch given a value with = and a value flag without its value are refused', () => {
    expect(launch(V011, { extraArgs: ['--enable-prefix-caching=/etc'] }).issues?.[0]).toMatch(/is a switch/);
    expect(launch(V011, { extraArgs: ['--kv-cache-dtype'] }).issues?.[0]).toMatch(
      /--kv-cache-dtype needs a value/,
    );
    expect(
      launch(V011, { extraArgs: ['--kv-cache-dtype', 'fp8', '--enable-prefix-caching'] }).cmd,
    ).toBeDefined();
  });

  it('a flag the engine knows but the app does not allow stays refused', () => {
    expect(launch(V011, { extraArgs: ['--host', '0.0.0.0'] }).issues?.[0]).toMatch(/not an extra flag/);
    expect(launch(V011, { extraArgs: ['--config', '/etc/passwd'] }).issues?.[0]).toMatch(/not an extra flag/);
  });
});
