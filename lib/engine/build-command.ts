// Turns a profile and validated options into an argument array. Pure: no I/O, no shell; every value here
// already passed its zod schema, and extra flags pass an allow-list of the engine's own flags.
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

/** Merges the profile's defaults under the user's options and validates the result for the engine kind. */
export function resolveOptions(profile: EngineProfile, user: Record<string, unknown>): ResolveResult {
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
  const extraIssues = checkExtraArgs(spec, (options.extraArgs as string[] | undefined) ?? []);
  return extraIssues.length > 0 ? { ok: false, issues: extraIssues } : { ok: true, options };
}

/** Every flag must be on the engine's list; a value may only follow a flag. */
export function checkExtraArgs(spec: EngineKindSpec, tokens: string[]): OptionIssue[] {
  const issues: OptionIssue[] = [];
  let previousWasFlag = false;
  tokens.forEach((token, i) => {
    const field = `options.extraArgs.${i}`;
    if (token.startsWith('-')) {
      const flag = token.split('=')[0] ?? token;
      if (!spec.extraFlags.includes(flag)) {
        issues.push({ field, message: `${flag} is not an extra flag this engine accepts here` });
      }
      previousWasFlag = !token.includes('=');
    } else if (!previousWasFlag) {
      issues.push({ field, message: `"${token}" must follow a flag` });
    } else {
      previousWasFlag = false;
    }
  });
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
}

export function buildCommand(
  profile: EngineProfile,
  options: Record<string, unknown>,
  ctx: CommandContext,
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
  args.push(...optionFlags(spec, options, profile.video?.maxPerPrompt ?? 0));
  const env: Record<string, string> = {};
  if (spec.apiKey && 'env' in spec.apiKey) env[spec.apiKey.env] = ctx.apiKey;
  if (spec.apiKey && 'flag' in spec.apiKey) args.push(spec.apiKey.flag, ctx.apiKey);
  args.push(...((options.extraArgs as string[] | undefined) ?? []));
  return { executable, args, env };
}

/** `videos`: clips per prompt from the profile (0 for models that take none). */
function optionFlags(spec: EngineKindSpec, options: Record<string, unknown>, videos: number): string[] {
  const out: string[] = [];
  for (const rule of spec.flags) {
    const value = options[rule.option];
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (rule.as === 'switch') out.push(rule.flag);
    else if (rule.as === 'value') out.push(rule.flag, String(value));
    else out.push(rule.flag, JSON.stringify({ image: value, video: videos }));
  }
  return out;
}

/** The command as shown to people: secrets replaced, nothing else changed. */
export function maskCommand(command: EngineCommand, secrets: string[]): string[] {
  const mask = createMasker(secrets);
  return [command.executable, ...command.args].map(mask);
}
