// Launch options checked before they become a command: the kind's zod schema, then extra flags against an
// allow-list checked against the engine's own help. The argument array itself comes from command-line.ts,
// re-exported here so the server has one module for "check, then build".
import { closestFlags, type FlagArity } from './engine-help';
import {
  allowedExtraFlags,
  type EngineCapabilities,
  engineLabel,
  staticCapabilities,
} from './engine-help-table';
import { ENGINE_KIND_SPECS } from './engine-kinds';
import type { EngineProfile } from './profiles';

export { buildCommand, type CommandContext, type EngineCommand, maskCommand } from './command-line';

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
