// The command line a launch would run, as text for display: placeholder interpreter paths and a masked key.
// After a launch the status carries the real (masked) command. No option checks here (engine-command.ts
// adds them, with the schemas): the console shows this as it opens, before anything could be mistyped.
import type { OptionIssue } from '@/lib/engine/build-command';
import { buildCommand } from '@/lib/engine/command-line';
import { type EngineProfile, findProfile } from '@/lib/engine/profiles';
import type { OptionValues } from './option-values';

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

/** The preview of options that already passed the checks (or need none). */
export function previewOf(profile: EngineProfile, options: Record<string, unknown>): CommandPreview {
  const command = buildCommand(profile, options, PLACEHOLDERS);
  if (!command) return { ok: true, text: null, options };
  const env = Object.fromEntries(Object.keys(command.env).map((k) => [k, '***']));
  return { ok: true, text: formatCommandLine([command.executable, ...command.args], env), options };
}

/**
 * The preview of values valid by construction: the form's starting values (the profile's defaults and the
 * schema's) or a launch the server accepted. Merged over the profile's defaults as the checks merge them.
 */
export function uncheckedPreview(profileId: string, values: OptionValues): CommandPreview | null {
  const profile = findProfile(profileId);
  return profile ? previewOf(profile, { ...profile.defaults, ...values }) : null;
}
