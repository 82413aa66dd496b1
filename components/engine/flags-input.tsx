'use client';
// Extra flags typed as text: the text is kept as typed (spaces included) and split into tokens for the value.
import { useState } from 'react';
import { INPUT } from './field-styles';

export interface FlagsInputProps {
  id: string;
  value: unknown;
  invalid: boolean;
  describedBy: string | undefined;
  onChange(value: string[]): void;
}

/** Flags typed as text: the text is kept as typed (spaces included) and split into tokens for the value. */
export function FlagsInput({ id, value, invalid, describedBy, onChange }: FlagsInputProps) {
  const tokens = Array.isArray(value) ? (value as string[]) : [];
  const [text, setText] = useState(tokens.join(' '));
  const typed = text.split(/\s+/).filter(Boolean);
  // The value changed from outside (a profile switch, a history entry, a fix): show it.
  if (typed.join(' ') !== tokens.join(' ')) setText(tokens.join(' '));
  return (
    <input
      id={id}
      className={`${INPUT} ${invalid ? 'border-danger' : 'border-border'} font-mono`}
      placeholder="--flag value"
      value={text}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.split(/\s+/).filter(Boolean));
      }}
    />
  );
}
