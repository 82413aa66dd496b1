'use client';
// Sign in with the access token, or at once with the one-time code of a printed link (#code=…; a fragment
// never reaches server logs or proxies).
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useSignIn } from '@/hooks/use-sign-in';
import { afterSignInUrl } from '@/lib/auth/after-sign-in';

function destination(): string {
  // Only pages of this site: a crafted link must not send the browser elsewhere after sign-in.
  return afterSignInUrl(new URLSearchParams(window.location.search).get('next'), window.location.origin);
}

export function SignInForm() {
  const { signIn, error, busy } = useSignIn();
  const [token, setToken] = useState('');

  useEffect(() => {
    const code = new URLSearchParams(window.location.hash.slice(1)).get('code');
    if (!code) return;
    history.replaceState(null, '', window.location.pathname + window.location.search);
    void signIn({ code }).then((ok) => ok && window.location.assign(destination()));
  }, [signIn]);

  return (
    <form
      className="flex w-full max-w-sm flex-col gap-4 rounded-xl border border-border bg-card p-6 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        void signIn({ token: token.trim() }).then((ok) => ok && window.location.assign(destination()));
      }}
    >
      <div className="flex flex-col gap-1">
        <h1 className="text-lg font-semibold tracking-tight">VLM Console</h1>
        <p className="text-sm text-muted-foreground">
          Paste the access token printed where the app was started, or open the sign-in link printed there.
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="token" className="text-xs font-medium text-muted-foreground">
          Access token
        </label>
        <input
          id="token"
          data-testid="token-input"
          type="password"
          autoComplete="current-password"
          className="h-10 rounded-md border border-border bg-background px-3 font-mono text-sm focus-visible:outline-2 focus-visible:outline-primary"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </div>
      {/* The line keeps its room while empty: the card must not jump when a message appears. */}
      <div aria-live="polite" className="-my-1 min-h-10 text-sm leading-5">
        {error && (
          <p
            role="alert"
            data-testid="sign-in-error"
            className="line-clamp-2 text-danger"
            title={error.message}
          >
            {error.message}
          </p>
        )}
      </div>
      <Button
        type="submit"
        variant="primary"
        data-testid="sign-in-button"
        disabled={busy || token.trim() === ''}
      >
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
