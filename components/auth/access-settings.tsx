'use client';
// Settings › Access: sign out of this browser, or rotate the access token (which ends every session).
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useSession } from '@/hooks/use-session';

export function AccessSettings() {
  const { session, signOut, rotate, newToken, error } = useSession();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="flex flex-col gap-3" aria-labelledby="access-heading">
      <div>
        <h3 id="access-heading" className="text-sm font-medium">
          Access
        </h3>
        <p className="mt-0.5 text-xs text-muted-foreground">
          {session?.exposed
            ? `This app is reachable from outside this machine (${session.url}); the access token protects it.`
            : 'Signed in on this browser.'}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button data-testid="sign-out" className="h-8 px-3" onClick={() => void signOut()}>
          Sign out
        </Button>
        {confirming ? (
          <Button
            variant="danger"
            data-testid="confirm-rotate"
            className="h-8 px-3"
            onClick={() => {
              setConfirming(false);
              void rotate();
            }}
          >
            End every session and rotate
          </Button>
        ) : (
          <Button data-testid="rotate-token" className="h-8 px-3" onClick={() => setConfirming(true)}>
            Rotate token…
          </Button>
        )}
      </div>
      {newToken !== undefined && (
        <p data-testid="rotated" className="rounded-md bg-muted px-3 py-2 text-xs leading-5">
          {newToken
            ? 'Every other session has ended. The new token (shown once; also in the data dir): '
            : 'Every other session has ended. The token itself comes from VLM_CONSOLE_TOKEN: change it there and restart to replace it.'}
          {newToken && <code className="break-all font-mono">{newToken}</code>}
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs text-danger">
          {error.message}
        </p>
      )}
    </section>
  );
}
