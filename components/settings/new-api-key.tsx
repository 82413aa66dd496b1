'use client';
// A key just made: shown once, with copyable snippets for curl and the `openai` SDKs.
import { useState } from 'react';
import { CopyAction } from '@/components/engine/copy-action';
import { Button } from '@/components/ui/button';
import { SNIPPET_KINDS, type SnippetKind, snippet } from '@/lib/client/api-key-snippets';
import type { CreatedApiKey } from '@/lib/gateway/types';

export interface NewApiKeyProps {
  created: CreatedApiKey;
  appUrl: string;
  model: string | null;
  onDismiss(): void;
}

export function NewApiKey({ created, appUrl, model, onDismiss }: NewApiKeyProps) {
  const [kind, setKind] = useState<SnippetKind>('curl');
  const text = snippet(kind, { appUrl, key: created.key, model });
  return (
    <div
      data-testid="new-api-key"
      className="flex flex-col gap-2 rounded-md border border-border bg-muted/40 p-3"
    >
      <p className="text-xs">
        Key <strong>{created.name}</strong> ({created.scope}). Copy it now: it is not shown again.
      </p>
      <div className="flex items-center gap-1">
        <code data-testid="new-api-key-value" className="min-w-0 flex-1 break-all font-mono text-xs">
          {created.key}
        </code>
        <CopyAction text={() => created.key} label="Copy key" data-testid="copy-api-key" />
      </div>
      <div role="tablist" aria-label="Snippet" className="flex gap-1">
        {SNIPPET_KINDS.map((s) => (
          <button
            key={s.kind}
            type="button"
            role="tab"
            aria-selected={kind === s.kind}
            data-testid={`snippet-tab-${s.kind}`}
            onClick={() => setKind(s.kind)}
            className={`rounded px-2 py-0.5 text-xs ${kind === s.kind ? 'bg-card font-medium shadow-sm' : 'text-muted-foreground'}`}
          >
            {s.label}
          </button>
        ))}
      </div>
      {/* The copy button beside the snippet, not over it: a long first line scrolls under an overlay. */}
      <div className="flex items-start gap-1 rounded bg-card">
        <pre
          data-testid="api-key-snippet"
          className="min-w-0 flex-1 overflow-x-auto p-2 font-mono text-[11px] leading-4"
        >
          {text}
        </pre>
        <div className="shrink-0 p-1">
          <CopyAction text={() => text} label="Copy snippet" data-testid="copy-snippet" />
        </div>
      </div>
      <div>
        <Button data-testid="dismiss-api-key" className="h-7 px-2 text-xs" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </div>
  );
}
