'use client';
// The settings sheet: the system prompt and the sampling sent with every request. An empty sampling field
// means the running profile's recommended value, shown as its placeholder.
import { useEffect, useState } from 'react';
import { AccessSettings } from '@/components/auth/access-settings';
import { ApiKeys } from '@/components/settings/api-keys';
import { Button } from '@/components/ui/button';
import { Sheet } from '@/components/ui/sheet';
import {
  type ChatSettings,
  SAMPLING_LIMITS,
  type SamplingKey,
  sampleValue,
} from '@/lib/client/chat-settings';
import type { SamplingDefaults } from '@/lib/engine/profiles';

export interface SettingsPanelProps {
  open: boolean;
  onClose(): void;
  settings: ChatSettings;
  onChange(patch: Partial<ChatSettings>): void;
  defaults: SamplingDefaults | null;
  profileLabel: string | null;
}

const FIELDS: { key: SamplingKey; label: string; testId: string; hint: string }[] = [
  { key: 'temperature', label: 'Temperature', testId: 'temperature', hint: 'Higher is more varied (0–2).' },
  { key: 'top_p', label: 'Top-p', testId: 'top-p', hint: 'Share of probability mass sampled from (0–1).' },
  { key: 'max_tokens', label: 'Max tokens', testId: 'max-tokens', hint: 'Thinking and answer together.' },
];

const INPUT =
  'h-9 w-full rounded-md border border-input bg-card px-3 text-sm tabular-nums placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring';

function NumberField({
  id,
  value,
  placeholder,
  testId,
  onCommit,
}: {
  id: string;
  value: number | null;
  placeholder: string;
  testId: string;
  onCommit(text: string): void;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [focused, setFocused] = useState(false);
  // While the person types, their text stays as typed; otherwise it shows the stored (clamped) value.
  useEffect(() => {
    if (!focused) setText(value === null ? '' : String(value));
  }, [value, focused]);
  return (
    <input
      id={id}
      data-testid={testId}
      inputMode="decimal"
      autoComplete="off"
      className={INPUT}
      value={text}
      placeholder={placeholder}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => {
        setText(e.target.value);
        onCommit(e.target.value);
      }}
    />
  );
}

export function SettingsPanel({
  open,
  onClose,
  settings,
  onChange,
  defaults,
  profileLabel,
}: SettingsPanelProps) {
  const customised = FIELDS.some(({ key }) => settings[key] !== null);
  return (
    <Sheet open={open} onClose={onClose} title="Settings" data-testid="settings-panel">
      <div className="flex flex-col gap-8 p-4">
        <section className="flex flex-col gap-2">
          <label htmlFor="system-prompt" className="text-sm font-medium">
            System prompt
          </label>
          <textarea
            id="system-prompt"
            data-testid="system-prompt"
            rows={6}
            value={settings.systemPrompt}
            placeholder="e.g. Answer briefly, in plain English."
            onChange={(e) => onChange({ systemPrompt: e.target.value })}
            className="w-full resize-y rounded-md border border-input bg-card px-3 py-2 text-sm leading-6 placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring"
          />
          <p className="text-xs text-muted-foreground">
            Sent first in every conversation. Leave empty for none.
          </p>
        </section>
        <section className="flex flex-col gap-4">
          <div>
            <h3 className="text-sm font-medium">Sampling</h3>
            <p className="mt-0.5 text-xs text-muted-foreground">
              {defaults
                ? `Empty fields use the recommended values${profileLabel ? ` of ${profileLabel}` : ''}.`
                : 'Empty fields use the engine’s own defaults.'}
            </p>
          </div>
          {FIELDS.map(({ key, label, testId, hint }) => (
            <div key={key} className="grid grid-cols-[1fr_8rem] items-center gap-x-4 gap-y-0.5">
              <label htmlFor={`sampling-${key}`} className="text-sm">
                {label}
              </label>
              <NumberField
                id={`sampling-${key}`}
                testId={testId}
                value={settings[key]}
                placeholder={defaults ? String(defaults[key]) : 'default'}
                onCommit={(text) => onChange({ [key]: sampleValue(key, text) })}
              />
              <p className="text-xs text-muted-foreground">
                {hint} {key !== 'max_tokens' && `Step ${SAMPLING_LIMITS[key].step}.`}
              </p>
            </div>
          ))}
          <div>
            <Button
              data-testid="reset-sampling"
              disabled={!customised}
              onClick={() => onChange({ temperature: null, top_p: null, max_tokens: null })}
              className="h-8 px-3"
            >
              Reset to recommended
            </Button>
          </div>
        </section>
        <AccessSettings />
        <ApiKeys />
      </div>
    </Sheet>
  );
}
