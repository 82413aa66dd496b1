import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OptionSchema, ProfileSummary } from '@/lib/api/profiles';
import { resolveOptions } from '@/lib/engine/build-command';
import { ENGINE_KIND_SPECS } from '@/lib/engine/engine-kinds';
import { PROFILES } from '@/lib/engine/profiles';
import { uncheckedPreview } from './command-text';
import { previewCommand } from './engine-command';
import { initialOptionValues } from './option-values';

/** What the form starts from: the profile with its option schema as GET /api/profiles sends it. */
function formStart(profile: (typeof PROFILES)[number]) {
  const schema = ENGINE_KIND_SPECS[profile.kind].schema;
  const optionSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as OptionSchema;
  return initialOptionValues({ ...profile, optionSchema } as unknown as ProfileSummary);
}

describe('the preview before the checks load', () => {
  it('is the checked preview of the starting values, for every profile whose defaults pass', () => {
    const trusted = PROFILES.filter((p) => resolveOptions(p, {}).ok);
    expect(trusted.map((p) => p.id)).toContain('demo');
    expect(trusted.map((p) => p.id)).not.toContain('vllm-custom');
    for (const profile of trusted) {
      const values = formStart(profile);
      const checked = previewCommand(profile.id, values);
      expect(checked?.ok, profile.id).toBe(true);
      expect(uncheckedPreview(profile.id, values), profile.id).toEqual(checked);
    }
  });

  it('shows what the server accepted for a running launch as it is', () => {
    const checked = previewCommand('demo', { maxModelLen: 4096, extraArgs: ['--seed', '7'] });
    const launched = checked?.ok ? checked.options : {};
    expect(uncheckedPreview('demo', launched)).toEqual(checked);
    expect(uncheckedPreview('nope', {})).toBeNull();
  });
});
