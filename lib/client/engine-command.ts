// The command line a launch will run, built in the browser from the profile and the form's options with
// the server's own pure builder, for display only: placeholder interpreter paths and a masked key. After a
// launch the status carries the real (masked) command. Also validates the options with the same schema.
import { buildCommand, type OptionIssue, resolveOptions } from '@/lib/engine/build-command';
import { findProfile } from '@/lib/engine/profiles';
import type { ProfileSummary } from './types';

export type OptionValues = Record<string, unknown>;

export type CommandPreview =
  | { ok: true; text: string; options: Record<string, unknown> }
  | { ok: false; issues: OptionIssue[] }
  /** The profile launches nothing (an external server). */
  | { ok: true; text: null; options: Record<string, unknown> };

const PLACEHOLDERS = { python: 'python3', node: 'node', appDir: '.', host: '127.0.0.1', apiKey: '***' };

/** Quotes an argument for a POSIX shell, only when it needs it. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[\w./:=@%+,-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function formatCommandLine(argv: readonly string[], env: Record<string, string> = {}): string {
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  return [...assignments, ...argv.map(shellQuote)].join(' ');
}

export function previewCommand(profileId: string, options: Record<string, unknown>): CommandPreview | null {
  const profile = findProfile(profileId);
  if (!profile) return null;
  const resolved = resolveOptions(profile, options);
  if (!resolved.ok) return { ok: false, issues: resolved.issues };
  const command = buildCommand(profile, resolved.options, PLACEHOLDERS);
  if (!command) return { ok: true, text: null, options: resolved.options };
  const env = Object.fromEntries(Object.keys(command.env).map((k) => [k, '***']));
  return {
    ok: true,
    text: formatCommandLine([command.executable, ...command.args], env),
    options: resolved.options,
  };
}

/** Issues by form field: `options.maxModelLen` → `maxModelLen`; `options.extraArgs.2` → `extraArgs`. */
export function issuesByField(issues: readonly OptionIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.field.split('.')[1] ?? issue.field;
    out[key] ??= issue.message;
  }
  return out;
}

/** The form's starting values: the profile's defaults, else the schema's. */
export function initialOptionValues(profile: ProfileSummary): OptionValues {
  const values: OptionValues = {};
  for (const [key, prop] of Object.entries(profile.optionSchema.properties ?? {})) {
    const value = profile.defaults[key] ?? prop.default;
    if (value !== undefined) values[key] = value;
  }
  return values;
}
