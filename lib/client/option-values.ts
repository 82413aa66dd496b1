// The launch form's values, and where they start.
import type { ProfileSummary } from './types';

export type OptionValues = Record<string, unknown>;

/** The form's starting values: the profile's defaults, else the schema's. */
export function initialOptionValues(profile: ProfileSummary): OptionValues {
  const values: OptionValues = {};
  for (const [key, prop] of Object.entries(profile.optionSchema.properties ?? {})) {
    const value = profile.defaults[key] ?? prop.default;
    if (value !== undefined) values[key] = value;
  }
  return values;
}
