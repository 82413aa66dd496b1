// Turns a profile and validated options into an argument array. Pure: no I/O, no shell; every value here
// already passed its zod schema, and extra flags pass an allow-list checked against the engine's own help.
import { closestFlags, type FlagArity } from './engine-help';
import {
  allowedExtraFlags,
  type EngineCapabilities,
  engineLabel,
  staticCapabilities,
} from './engine-help-table';
import { ENGINE_KIND_SPECS, type EngineKindSpec } from './engine-kinds';
import { createMasker } from './mask-secrets';
import type { EngineProfile } from './profiles';

export interface OptionIssue {
  /** Dotted path such as `options.maxModelLen`. */
  field: string;
  message: string;
}

export type ResolveResult =
  | { ok: true; options: Record<string, unknown> }
  | { ok: false; issues: OptionIssue[] };

/**
 * Merges the profile's defaults under the user's options and validates the result for the engine kind.
 * `caps` is what the installed engine says it accepts; without it the built-in table serves.
 */
export function resolveOptions(
  profile: EngineProfile,
  user: Record<string, unknown>,
  caps: EngineCapabilities = staticCapabilities(profile.kind, 'not asked'),
): ResolveResult {
  const spec = ENGINE_KIND_SPECS[profile.kind];
  const parsed = spec.schema.safeParse({ ...profile.defaults, ...user });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: ['options', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    return { ok: false, issues };
  }
  const options = parsed.data as Record<string, unknown>;
  const extraIssues = checkExtraArgs(caps, (options.extraArgs as string[] | undefined) ?? []);
  return extraIssues.length > 0 ? { ok: false, issues: extraIssues } : { ok: true, options };
}

/**
 * Every flag must be one the engine knows and the app allows; a value may only follow a flag that takes one
 * (so `--enable-prefix-caching /etc` is a stray positional, refused here rather than passed on).
 */
export function checkExtraArgs(caps: EngineCapabilities, tokens: string[]): OptionIssue[] {
  const issues: OptionIssue[] = [];
  const allowed = new Set(allowedExtraFlags(caps));
  const who = caps.source === 'engine' ? engineLabel(caps) : 'this engine';
  let expecting: { flag: string; arity: FlagArity } | null = null;
  for (const [i, token] of tokens.entries()) {
    const field = `options.extraArgs.${i}`;
    if (token.startsWith('-') && !/^-\d/.test(token)) {
      if (expecting?.arity === 'required') {
        issues.push({ field, message: `${expecting.flag} needs a value before ${token}` });
      }
      const eq = token.indexOf('=');
      const flag = eq > 0 ? token.slice(0, eq) : token;
      const info = caps.flags[flag];
      if (!info) {
        const near = closestFlags(flag, [...allowed]);
        const hint = near.length > 0 ? `; did you mean ${near.join(' or ')}?` : '';
        issues.push({ field, message: `${who} does not know ${flag}${hint}` });
        // Its value, if it has one, is part of the same mistake: one message, not two.
        expecting = eq > 0 ? null : { flag, arity: 'optional' };
        continue;
      }
      if (!allowed.has(flag)) {
        issues.push({ field, message: `${flag} is not an extra flag this engine accepts here` });
      } else if (info.arity === 'none' && eq > 0) {
        issues.push({ field, message: `${flag} is a switch and takes no value` });
      }
      expecting = eq > 0 || info.arity === 'none' ? null : { flag, arity: info.arity };
      continue;
    }
    if (!expecting) {
      const after = i > 0 ? ` (${tokens[i - 1]} takes no value)` : '';
      issues.push({ field, message: `"${token}" must follow a flag that takes a value${after}` });
    }
    expecting = null;
  }
  if (expecting?.arity === 'required') {
    issues.push({
      field: `options.extraArgs.${tokens.length - 1}`,
      message: `${expecting.flag} needs a value`,
    });
  }
  return issues;
}

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
  const spec = ENGINE_KIND_SPECS[profile.kind];
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
function spellingFor(spec: EngineKindSpec, caps: EngineCapabilities, flag: string): string | null {
  if (caps.source === 'static' || flag in caps.flags) return flag;
  return (spec.equivalents?.[flag] ?? []).find((alt) => alt in caps.flags) ?? null;
}

/** `videos`: clips per prompt from the profile (0 for models that take none). */
function optionFlags(
  spec: EngineKindSpec,
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
  spec: EngineKindSpec,
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
