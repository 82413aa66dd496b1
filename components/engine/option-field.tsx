'use client';
// One launch option as a form control chosen from its JSON Schema type: checkbox, select, number, flag
// list or text; with its range as a hint and its problem, if any, below it — for an empty field only once
// the person has typed in it (a fresh form is not a list of mistakes).
import { useState } from 'react';
import type { JsonSchemaProperty } from '@/lib/client/types';
import { INPUT } from './field-styles';
import { FlagsInput } from './flags-input';

export interface OptionFieldProps {
  name: string;
  prop: JsonSchemaProperty;
  value: unknown;
  error?: string;
  /** For the extra-flags field: the flags the engine accepts. */
  extraFlags?: string[];
  /** For the extra-flags field: where that list came from ("Flags from vLLM 0.11.0's help."). */
  flagSource?: string;
  onChange(value: unknown): void;
}

const WIDE = new Set(['model', 'baseUrl', 'modelFile', 'hfRepo', 'mmproj', 'extraArgs']);

function rangeHint(prop: JsonSchemaProperty): string | null {
  if (prop.minimum === undefined || prop.maximum === undefined) return null;
  return `${prop.minimum.toLocaleString('en')}–${prop.maximum.toLocaleString('en')}`;
}

export function OptionField({
  name,
  prop,
  value,
  error: problem,
  extraFlags,
  flagSource,
  onChange: change,
}: OptionFieldProps) {
  const [isTouched, setTouched] = useState(false);
  const isEmpty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  const error = isTouched || !isEmpty ? problem : undefined;
  const onChange = (next: unknown) => {
    setTouched(true);
    change(next);
  };
  const id = `option-${name}`;
  const label = prop.description ?? name;
  const type = Array.isArray(prop.type) ? prop.type[0] : prop.type;
  const described = error ? `${id}-error` : undefined;
  const border = error ? 'border-danger' : 'border-border';
  if (type === 'boolean') {
    return (
      <label htmlFor={id} className="flex items-center gap-2 text-sm min-[26rem]:col-span-2">
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
  let hint: string | null = null;
  if (prop.enum) {
    control = (
      <select
        id={id}
        className={`${INPUT} ${border}`}
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
    hint = rangeHint(prop);
    control = (
      <input
        id={id}
        type="number"
        inputMode={type === 'integer' ? 'numeric' : 'decimal'}
        className={`${INPUT} ${border} font-mono`}
        min={prop.minimum}
        max={prop.maximum}
        step={type === 'integer' ? 1 : 0.01}
        aria-invalid={Boolean(error)}
        aria-describedby={described}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  } else if (type === 'array') {
    control = (
      <FlagsInput
        id={id}
        value={value}
        invalid={Boolean(error)}
        describedBy={described}
        suggestions={extraFlags ?? []}
        onChange={onChange}
      />
    );
    hint = extraFlags?.length ? 'space-separated, e.g. --seed 1; type -- for this engine’s flags' : null;
  } else {
    control = (
      <input
        id={id}
        className={`${INPUT} ${border} ${name === 'model' ? 'font-mono' : ''}`}
        value={typeof value === 'string' ? value : ''}
        aria-invalid={Boolean(error)}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
    );
  }
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${WIDE.has(name) ? 'min-[26rem]:col-span-2' : ''}`}>
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {control}
      {hint && !error && <p className="text-[11px] text-muted-foreground">{hint}</p>}
      {error && (
        <p id={described} data-testid="option-error" className="text-xs text-danger">
          {error}
        </p>
      )}
      {flagSource && (
        <p data-testid="flag-source" className="text-[11px] text-muted-foreground">
          {flagSource}
        </p>
      )}
    </div>
  );
}
