'use client';
// Make an API key: a name, a scope and an optional expiry.
import { useState } from 'react';
import { INPUT } from '@/components/engine/field-styles';
import { Button } from '@/components/ui/button';
import type { NewKeyInput } from '@/hooks/use-api-keys';
import type { KeyScope } from '@/lib/gateway/types';

const EXPIRIES: { days: number | null; label: string }[] = [
  { days: null, label: 'Never' },
  { days: 1, label: '1 day' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
];

export interface ApiKeyFormProps {
  onCreate(input: NewKeyInput): Promise<void>;
}

export function ApiKeyForm({ onCreate }: ApiKeyFormProps) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<KeyScope>('chat');
  const [expiry, setExpiry] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="grid grid-cols-2 gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        await onCreate({ name: name.trim(), scope, expiresInDays: expiry ? Number(expiry) : null });
        setBusy(false);
        setName('');
      }}
    >
      <label className="col-span-2 flex flex-col gap-1 text-xs">
        Name
        <input
          data-testid="api-key-name"
          className={INPUT}
          value={name}
          maxLength={64}
          placeholder="laptop, editor…"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Scope
        <select
          data-testid="api-key-scope"
          className={INPUT}
          value={scope}
          onChange={(e) => setScope(e.target.value as KeyScope)}
        >
          <option value="chat">chat — the model only</option>
          <option value="admin">admin — also the console</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Expires
        <select
          data-testid="api-key-expiry"
          className={INPUT}
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
        >
          {EXPIRIES.map((e) => (
            <option key={e.label} value={e.days ?? ''}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <div className="col-span-2">
        <Button
          type="submit"
          data-testid="create-api-key"
          className="h-8 px-3"
          disabled={busy || !name.trim()}
        >
          Make key
        </Button>
      </div>
    </form>
  );
}
