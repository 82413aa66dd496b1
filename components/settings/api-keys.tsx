'use client';
// Settings › API keys: use the model from other tools (an editor, a notebook) through `<app URL>/v1`.
// A chat key reaches only the OpenAI endpoints; an admin key can do what the access token does.
import { useApiKeys } from '@/hooks/use-api-keys';
import { useSession } from '@/hooks/use-session';
import { baseUrl } from '@/lib/client/api-key-snippets';
import { ApiKeyForm } from './api-key-form';
import { ApiKeyList } from './api-key-list';
import { NewApiKey } from './new-api-key';

export function ApiKeys() {
  const { keys, model, created, dismiss, create, revoke, error } = useApiKeys();
  const { session } = useSession();
  const appUrl = session?.url ?? (typeof window === 'undefined' ? '' : window.location.origin);
  return (
    <section className="flex flex-col gap-3" aria-labelledby="api-keys-heading">
      <div>
        <h3 id="api-keys-heading" className="text-sm font-medium">
          API keys
        </h3>
        <p className="mt-0.5 text-xs text-muted-foreground">
          Any OpenAI client works with <code className="font-mono">{baseUrl(appUrl)}</code> and a key.
        </p>
      </div>
      <ApiKeyForm onCreate={create} />
      {created && <NewApiKey created={created} appUrl={appUrl} model={model} onDismiss={dismiss} />}
      {keys && <ApiKeyList keys={keys} onRevoke={(id) => void revoke(id)} />}
      {error && (
        <p role="alert" className="text-xs text-danger">
          {error.message}
        </p>
      )}
    </section>
  );
}
