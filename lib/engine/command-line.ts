// Turns a profile and validated options into an argument array. Pure: no I/O, no shell, no validation
// (build-command.ts checks the options first). Reads only the flag tables, so the browser can show the
// command a launch would run without loading the option schemas.
import { ENGINE_FLAG_SPECS, type EngineFlagSpec } from './engine-flags';
import { type EngineCapabilities, engineLabel, staticCapabilities } from './engine-help-table';
import { createMasker } from './mask-secrets';
import type { EngineProfile } from './profiles';

export interface CommandContext {
  python: string;
  node: string;
  appDir: string;
  /** Resolved path of a `binary` executable (llama-server). */
  binary?: string;
  host: string;
  apiKey: string;
}

export interface EngineCommand {
  executable: string;
  args: string[];
  /** Environment additions for the engine (the API key, when the kind reads it from env). */
  env: Record<string, string>;
  /** What the builder changed because of the installed engine's flags, for the launch log. */
  notes: string[];
}

export function buildCommand(
  profile: EngineProfile,
  options: Record<string, unknown>,
  ctx: CommandContext,
  caps: EngineCapabilities = staticCapabilities(profile.kind, 'not asked'),
): EngineCommand | null {
  const spec = ENGINE_FLAG_SPECS[profile.kind];
  const exe = profile.executable;
  if (exe.type === 'none') return null;
  const fill = (t: string) => t.replace('{model}', String(options.model ?? ''));
  let executable: string;
  let head: string[];
  if (exe.type === 'python-module') {
    executable = ctx.python;
    head = ['-m', exe.module, ...exe.args.map(fill)];
  } else if (exe.type === 'node-script') {
    executable = ctx.node;
    head = [`${ctx.appDir}/${exe.script}`, ...exe.args.map(fill)];
  } else {
    executable = ctx.binary ?? exe.name;
    head = exe.args.map(fill);
  }
  const args = [...head];
  if (spec.hostFlag) args.push(spec.hostFlag, ctx.host);
  if (spec.portFlag) args.push(spec.portFlag, String(options.port));
  const notes: string[] = [];
  const extra = (options.extraArgs as string[] | undefined) ?? [];
  args.push(...optionFlags(spec, options, caps, notes, profile.video?.maxPerPrompt ?? 0));
  args.push(...supportedExtras(spec, caps, extra, notes));
  const env: Record<string, string> = {};
  if (spec.apiKey && 'env' in spec.apiKey) env[keyVariable(spec.apiKey.env, caps, notes)] = ctx.apiKey;
  if (spec.apiKey && 'flag' in spec.apiKey) args.push(spec.apiKey.flag, ctx.apiKey);
  args.push(...extra);
  return { executable, args, env, notes };
}

/** llama-server's help names the variable each flag reads; where it names one for --api-key, that one wins. */
function keyVariable(configured: string, caps: EngineCapabilities, notes: string[]): string {
  const named = caps.source === 'engine' ? caps.flags['--api-key']?.env : undefined;
  if (!named || named === configured) return configured;
  notes.push(
    `${engineLabel(caps)} reads its key from ${named} (its help says so), not ${configured}: using ${named}.`,
  );
  return named;
}

/** The spelling of `flag` the installed engine knows: itself, an equivalent, or null (left out). */
function spellingFor(spec: EngineFlagSpec, caps: EngineCapabilities, flag: string): string | null {
  if (caps.source === 'static' || flag in caps.flags) return flag;
  return (spec.equivalents?.[flag] ?? []).find((alt) => alt in caps.flags) ?? null;
}

/** `videos`: clips per prompt from the profile (0 for models that take none). */
function optionFlags(
  spec: EngineFlagSpec,
  options: Record<string, unknown>,
  caps: EngineCapabilities,
  notes: string[],
  videos: number,
): string[] {
  const out: string[] = [];
  for (const rule of spec.flags) {
    const value = options[rule.option];
    if (value === undefined || value === null || value === '' || value === false) continue;
    const flag = spellingFor(spec, caps, rule.flag);
    if (!flag) {
      notes.push(`${engineLabel(caps)} has no ${rule.flag}: left out (option ${rule.option}).`);
      continue;
    }
    if (flag !== rule.flag) notes.push(`${engineLabel(caps)} has no ${rule.flag}: using ${flag} instead.`);
    if (rule.as === 'switch') out.push(flag);
    else if (rule.as === 'value') out.push(flag, String(value));
    else out.push(flag, JSON.stringify({ image: value, video: videos }));
  }
  return out;
}

/** Flags the app adds only where the installed engine's help lists them, unless the user passed them. */
function supportedExtras(
  spec: EngineFlagSpec,
  caps: EngineCapabilities,
  extra: string[],
  notes: string[],
): string[] {
  const out: string[] = [];
  if (caps.source !== 'engine') return out;
  for (const item of spec.whenSupported ?? []) {
    if (!(item.flag in caps.flags)) continue;
    if (extra.some((t) => t === item.flag || t.startsWith(`${item.flag}=`))) continue;
    out.push(item.flag, ...(item.value ? [item.value] : []));
    notes.push(`${engineLabel(caps)} has ${item.flag}: added, it ${item.why}.`);
  }
  return out;
}

/** The command as shown to people: secrets replaced, nothing else changed. */
export function maskCommand(command: EngineCommand, secrets: string[]): string[] {
  const mask = createMasker(secrets);
  return [command.executable, ...command.args].map(mask);
}
