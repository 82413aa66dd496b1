'use client';
// The launch options of a profile, as a form built from its option schema (JSON Schema from zod).
import type { JsonSchemaProperty, ProfileSummary } from '@/lib/client/types';

export type OptionValues = Record<string, unknown>;

export interface OptionsFormProps {
  profile: ProfileSummary;
  values: OptionValues;
  onChange(values: OptionValues): void;
  disabled?: boolean;
}

export function initialOptionValues(profile: ProfileSummary): OptionValues {
  const values: OptionValues = {};
  for (const [key, prop] of Object.entries(profile.optionSchema.properties ?? {})) {
    const value = profile.defaults[key] ?? prop.default;
    if (value !== undefined) values[key] = value;
  }
  return values;
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
  'port',
]);

export function OptionsForm({ profile, values, onChange, disabled }: OptionsFormProps) {
  const entries = Object.entries(profile.optionSchema.properties ?? {});
  const set = (key: string, value: unknown) => {
    const next = { ...values };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const fields = (primary: boolean) =>
    entries
      .filter(([key]) => PRIMARY.has(key) === primary)
      .map(([key, prop]) => (
        <OptionField key={key} name={key} prop={prop} value={values[key]} onChange={(v) => set(key, v)} />
      ));
  const advanced = fields(false);
  return (
    <fieldset disabled={disabled} className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">{fields(true)}</div>
      {advanced.length > 0 && (
        <details className="group rounded-md border border-border px-3 py-2">
          <summary className="cursor-pointer text-sm text-muted-foreground select-none">
            Advanced options
          </summary>
          <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">{advanced}</div>
        </details>
      )}
    </fieldset>
  );
}

interface OptionFieldProps {
  name: string;
  prop: JsonSchemaProperty;
  value: unknown;
  onChange(value: unknown): void;
}

const INPUT =
  'h-9 w-full rounded-md border border-border bg-card px-3 text-sm focus-visible:outline-2 focus-visible:outline-primary';

function OptionField({ name, prop, value, onChange }: OptionFieldProps) {
  const id = `option-${name}`;
  const label = prop.description ?? name;
  const type = Array.isArray(prop.type) ? prop.type[0] : prop.type;
  if (type === 'boolean') {
    return (
      <label htmlFor={id} className="flex items-center gap-2 text-sm sm:col-span-1">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
    );
  }
  let control: React.ReactNode;
  if (prop.enum) {
    control = (
      <select
        id={id}
        className={INPUT}
        value={String(value ?? '')}
        onChange={(e) => onChange(e.target.value)}
      >
        {prop.enum.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option) || '(default)'}
          </option>
        ))}
      </select>
    );
  } else if (type === 'number' || type === 'integer') {
    control = (
      <input
        id={id}
        type="number"
        className={INPUT}
        min={prop.minimum}
        max={prop.maximum}
        step={type === 'integer' ? 1 : 0.01}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  } else if (type === 'array') {
    control = (
      <input
        id={id}
        className={`${INPUT} font-mono`}
        placeholder="--flag value"
        value={Array.isArray(value) ? value.join(' ') : ''}
        onChange={(e) => onChange(e.target.value.split(/\s+/).filter(Boolean))}
      />
    );
  } else {
    control = (
      <input
        id={id}
        className={INPUT}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {control}
    </div>
  );
}
