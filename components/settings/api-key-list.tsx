'use client';
// The keys with their usage, and revoke.
import { Button } from '@/components/ui/button';
import type { ApiKeyRecord } from '@/lib/gateway/types';

export interface ApiKeyListProps {
  keys: ApiKeyRecord[];
  onRevoke(id: string): void;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

export function ApiKeyList({ keys, onRevoke }: ApiKeyListProps) {
  if (keys.length === 0) return <p className="text-xs text-muted-foreground">No keys yet.</p>;
  return (
    <ul
      className="flex flex-col divide-y divide-border rounded-md border border-border"
      data-testid="api-key-list"
    >
      {keys.map((key) => (
        <li
          key={key.id}
          data-testid="api-key-row"
          data-key-name={key.name}
          className="flex items-start gap-2 p-2 text-xs"
        >
          <div className="min-w-0 flex-1">
            <p className="font-medium">
              {key.name}{' '}
              <span className="rounded bg-muted px-1 font-normal text-muted-foreground">{key.scope}</span>
            </p>
            <p className="text-muted-foreground">
              made {when(key.createdAt)} · last used {when(key.lastUsedAt)}
              {key.expiresAt && ` · expires ${when(key.expiresAt)}`}
            </p>
            <p className="tabular-nums text-muted-foreground" data-testid="api-key-usage">
              {key.requests.toLocaleString()} requests · {key.tokens.toLocaleString()} tokens
            </p>
          </div>
          <Button
            variant="danger"
            data-testid="revoke-api-key"
            className="h-7 px-2 text-xs"
            onClick={() => onRevoke(key.id)}
          >
            Revoke
          </Button>
        </li>
      ))}
    </ul>
  );
}
