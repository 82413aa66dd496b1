import 'server-only';
// Asks the installed engine what it is and what it accepts: its version, then its flags from its own help.
// Answers are cached by executable + version (a vLLM upgrade in the same venv is a new entry); a failure is
// not cached, so installing the engine is noticed on the next launch. When the engine cannot be asked,
// the built-in table serves and says why.
import path from 'node:path';
import {
  helpPointsToAll,
  parseArgparseHelp,
  parseLlamaServerHelp,
  parseLlamaVersion,
  parsePackageVersion,
} from '@/lib/engine/engine-help';
import { type EngineCapabilities, engineLabel, staticCapabilities } from '@/lib/engine/engine-help-table';
import { ENGINE_KIND_SPECS, type IntrospectSpec } from '@/lib/engine/engine-kinds';
import { type EngineProfile, findProfile } from '@/lib/engine/profiles';
import type { CheckItem } from '@/lib/system/types';
import type { AppEnv } from '../env';
import { runCommand } from '../system/run-command';
import { which } from './executables';
import { enginePython } from './python';

/** Importing vLLM (torch, CUDA) for its help takes tens of seconds on a cold disk. */
const HELP_TIMEOUT_MS = 90_000;
const VERSION_TIMEOUT_MS = 20_000;
const KEY = Symbol.for('vlm-console.engine-capabilities');
type Holder = { [KEY]?: Map<string, EngineCapabilities> };

function cache(): Map<string, EngineCapabilities> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** The program and leading arguments a launch of this profile runs, or why there is none. */
export function engineInvocation(
  profile: EngineProfile,
  env: AppEnv,
): { executable: string; head: string[] } | { missing: string } {
  const exe = profile.executable;
  if (exe.type === 'python-module') {
    const python = enginePython(env);
    return python
      ? { executable: python, head: ['-m', exe.module] }
      : { missing: `no Python found (${env.VLM_CONSOLE_PYTHON ?? 'python3 on PATH'})` };
  }
  if (exe.type === 'node-script') {
    return {
      executable: process.execPath,
      head: [path.join(/*turbopackIgnore: true*/ process.cwd(), exe.script)],
    };
  }
  if (exe.type === 'binary') {
    const configured = process.env[exe.envOverride];
    const binary = configured ? which(configured) : which(exe.name);
    return binary ? { executable: binary, head: [] } : { missing: `${exe.name} was not found` };
  }
  return { missing: 'this profile launches nothing' };
}

const run = (file: string, args: string[], timeoutMs: number) =>
  runCommand(file, args, {
    timeoutMs,
    maxBuffer: 4 * 1024 * 1024,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', NO_COLOR: '1', COLUMNS: '200' },
  });

async function askVersion(executable: string, head: string[], spec: IntrospectSpec): Promise<string | null> {
  if (spec.pythonPackage) {
    const script = `import importlib.metadata as m; print(m.version(${JSON.stringify(spec.pythonPackage)}))`;
    const out = await run(executable, ['-c', script], VERSION_TIMEOUT_MS);
    return out.code === 0 ? parsePackageVersion(out.stdout) : null;
  }
  const out = await run(executable, [...head, ...(spec.versionArgs ?? ['--version'])], VERSION_TIMEOUT_MS);
  const text = `${out.stdout}\n${out.stderr}`;
  return spec.helpFormat === 'llama' ? parseLlamaVersion(text) : parsePackageVersion(out.stdout);
}

async function askFlags(executable: string, head: string[], spec: IntrospectSpec) {
  const parse = spec.helpFormat === 'llama' ? parseLlamaServerHelp : parseArgparseHelp;
  let out = await run(executable, [...head, ...spec.helpArgs], HELP_TIMEOUT_MS);
  if (out.code === 0 && spec.helpAllArgs && helpPointsToAll(out.stdout)) {
    out = await run(executable, [...head, ...spec.helpAllArgs], HELP_TIMEOUT_MS);
  }
  if (out.code !== 0) return null;
  const flags = parse(`${out.stdout}\n${spec.helpFormat === 'llama' ? out.stderr : ''}`);
  // A help with hardly any flags is not the help of the engine we meant to ask.
  return Object.keys(flags).length >= 5 ? flags : null;
}

/** What the installed engine of this profile accepts; the built-in table when it cannot be asked. */
export async function engineCapabilities(profile: EngineProfile, env: AppEnv): Promise<EngineCapabilities> {
  const spec = ENGINE_KIND_SPECS[profile.kind].introspect;
  if (!spec) return staticCapabilities(profile.kind, 'nothing is launched');
  const invocation = engineInvocation(profile, env);
  if ('missing' in invocation)
    return staticCapabilities(profile.kind, `engine not found: ${invocation.missing}`);
  const { executable, head } = invocation;
  const version = await askVersion(executable, head, spec);
  if (!version) {
    const what = spec.pythonPackage
      ? `${spec.pythonPackage} is not installed in ${executable}`
      : `${executable} --version gave no version`;
    return staticCapabilities(profile.kind, `engine not found: ${what}`);
  }
  const key = `${profile.kind}\0${executable}\0${head.join(' ')}\0${version}`;
  const cached = cache().get(key);
  if (cached) return cached;
  const flags = await askFlags(executable, head, spec);
  if (!flags) {
    const label = engineLabel({ kind: profile.kind, version });
    return { ...staticCapabilities(profile.kind, `${label}'s help could not be read`), version };
  }
  const caps: EngineCapabilities = { kind: profile.kind, version, source: 'engine', flags, reason: null };
  cache().set(key, caps);
  return caps;
}

/** The machine check's line about vLLM's flags: read from its help, or the built-in list and why. */
export async function vllmFlagsCheck(env: AppEnv): Promise<CheckItem | null> {
  const profile = findProfile('vllm-custom');
  if (!profile) return null;
  const caps = await engineCapabilities(profile, env);
  const count = Object.keys(caps.flags).length;
  if (caps.source === 'engine') {
    return {
      id: 'vllm-flags',
      label: 'vLLM flags',
      status: 'ok',
      value: `${count} from its help`,
      sentence: `Launches are checked against ${engineLabel(caps)}'s own help (${count} flags).`,
    };
  }
  return {
    id: 'vllm-flags',
    label: 'vLLM flags',
    status: 'warn',
    value: 'built-in list',
    sentence: `Launch flags are checked against the built-in list (${caps.reason}): a flag this machine's vLLM lacks is only caught when it exits.`,
  };
}
