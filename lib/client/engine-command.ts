// The launch form's checks: the options go through the same schema and flag checks as on the server, and
// become the command they would run. Loaded when the form is first about to be edited (use-option-check.ts):
// the schemas bring zod, which the console's first screen does not need.
import { type OptionIssue, resolveOptions } from '@/lib/engine/build-command';
import { findProfile } from '@/lib/engine/profiles';
import { type CommandPreview, previewOf } from './command-text';

export { type CommandPreview, formatCommandLine, shellQuote } from './command-text';

export function previewCommand(profileId: string, options: Record<string, unknown>): CommandPreview | null {
  const profile = findProfile(profileId);
  if (!profile) return null;
  const resolved = resolveOptions(profile, options);
  return resolved.ok ? previewOf(profile, resolved.options) : { ok: false, issues: resolved.issues };
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
