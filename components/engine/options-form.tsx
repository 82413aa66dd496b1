'use client';
import { useCapabilities } from '@/hooks/use-capabilities';
// The launch options of a profile, as a form built from its option schema (JSON Schema from zod): the common
// options first, the rest under "Advanced". Problems the schema finds are shown under their field.
import type { OptionValues } from '@/lib/client/option-values';
import type { JsonSchemaProperty, ProfileSummary } from '@/lib/client/types';
import { flagSourceLine } from '@/lib/engine/engine-help-table';
import { OptionField } from './option-field';

export interface OptionsFormProps {
  profile: ProfileSummary;
  values: OptionValues;
  onChange(values: OptionValues): void;
  /** Messages by option key, from the client-side check or the server's 400. */
  errors: Record<string, string>;
  disabled?: boolean;
}

/** The options most launches touch; the rest sit under "Advanced". */
const PRIMARY = new Set([
  'model',
  'modelFile',
  'hfRepo',
  'mmproj',
  'baseUrl',
  'apiKey',
  'maxModelLen',
  'gpuMemoryUtilization',
  'imagesPerPrompt',
  'tensorParallelSize',
  'port',
  'extraArgs',
]);

export function OptionsForm({ profile, values, onChange, errors, disabled }: OptionsFormProps) {
  const entries = Object.entries(profile.optionSchema.properties ?? {});
  // The installed engine's own flags replace the built-in list once it has answered.
  const { capabilities } = useCapabilities(profile.id);
  const set = (key: string, value: unknown) => {
    const next = { ...values };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const fields = (primary: boolean) =>
    entries
      .filter(([key]) => PRIMARY.has(key) === primary)
      .map(([key, prop]: [string, JsonSchemaProperty]) => (
        <OptionField
          key={`${profile.id}-${key}`}
          name={key}
          prop={prop}
          value={values[key]}
          error={errors[key]}
          extraFlags={key === 'extraArgs' ? (capabilities?.extraFlags ?? profile.extraFlags) : undefined}
          flagSource={key === 'extraArgs' && capabilities ? flagSourceLine(capabilities) : undefined}
          onChange={(v) => set(key, v)}
        />
      ));
  const advanced = fields(false);
  const advancedErrors = entries.some(([key]) => !PRIMARY.has(key) && errors[key]);
  return (
    <fieldset disabled={disabled} className="flex min-w-0 flex-col gap-3">
      <legend className="sr-only">Launch options</legend>
      <div className="grid grid-cols-1 gap-3 min-[26rem]:grid-cols-2">{fields(true)}</div>
      {advanced.length > 0 && (
        <details open={advancedErrors || undefined} className="rounded-md border border-border px-3 py-2">
          <summary className="cursor-pointer text-sm text-muted-foreground select-none">
            Advanced options
          </summary>
          <div className="mt-3 grid grid-cols-1 gap-3 min-[26rem]:grid-cols-2">{advanced}</div>
        </details>
      )}
    </fieldset>
  );
}
