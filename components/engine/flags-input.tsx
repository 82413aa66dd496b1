'use client';
// Extra flags typed as text: the text is kept as typed (spaces included) and split into tokens for the value.
// While a flag is being typed, the engine's flags that match are offered below (a combobox: arrows move,
// Enter or Tab takes one, Esc closes the list).
import { type KeyboardEvent, useState } from 'react';
import { acceptFlag, suggestFlags } from '@/lib/client/flag-suggest';
import { INPUT } from './field-styles';

export interface FlagsInputProps {
  id: string;
  value: unknown;
  invalid: boolean;
  describedBy: string | undefined;
  /** The flags this engine accepts. */
  suggestions: readonly string[];
  onChange(value: string[]): void;
}

const tokensOf = (text: string) => text.split(/\s+/).filter(Boolean);

export function FlagsInput({ id, value, invalid, describedBy, suggestions, onChange }: FlagsInputProps) {
  const tokens = Array.isArray(value) ? (value as string[]) : [];
  const [text, setText] = useState(tokens.join(' '));
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // The value changed from outside (a profile switch, a history entry, a fix): show it.
  if (tokensOf(text).join(' ') !== tokens.join(' ')) setText(tokens.join(' '));
  const matches = isOpen ? suggestFlags(text, suggestions) : [];
  const listId = `${id}-suggestions`;

  const edit = (next: string) => {
    setText(next);
    setActive(-1);
    setOpen(true);
    onChange(tokensOf(next));
  };
  const take = (flag: string) => {
    edit(acceptFlag(text, flag));
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (matches.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const n = matches.length;
      setActive(active < 0 ? (step === 1 ? 0 : n - 1) : (active + step + n) % n);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0) {
      e.preventDefault();
      take(matches[active] ?? '');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // closes the list, not the console
      setOpen(false);
    }
  };

  return (
    <div className="relative">
      <input
        id={id}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        className={`${INPUT} ${invalid ? 'border-danger' : 'border-border'} w-full font-mono`}
        placeholder="--flag value"
        value={text}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => edit(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {matches.length > 0 && (
        <div
          id={listId}
          role="listbox"
          aria-label="Flags this engine accepts"
          data-testid="flag-suggestions"
          className="absolute inset-x-0 top-full z-10 mt-1 max-h-60 overflow-y-auto rounded-md border border-border bg-card py-1 font-mono text-xs shadow-lg"
        >
          {matches.map((flag, i) => (
            <div
              key={flag}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              // Taken on mousedown, before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                take(flag);
              }}
              className={`cursor-pointer px-2.5 py-1.5 ${i === active ? 'bg-muted text-foreground' : 'text-muted-foreground hover:bg-muted/60'}`}
            >
              {flag}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
