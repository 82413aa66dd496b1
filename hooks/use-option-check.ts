'use client';
// The launch form's checks (the option schemas, shared with the server, and zod under them) load on the first
// sign the person is about to edit the form: a pointer or the focus in it, or an edit. Until then the form
// holds values valid by construction (the profile's defaults, or the launch the server accepted), so the
// console's first screen needs neither.
import { useCallback, useState } from 'react';

export type OptionChecks = typeof import('@/lib/client/engine-command');

// One load per page, whichever console instance asks first.
let loading: Promise<OptionChecks> | null = null;
let loaded: OptionChecks | null = null;

function loadChecks(): Promise<OptionChecks> {
  loading ??= import('@/lib/client/engine-command').then(
    (checks) => {
      loaded = checks;
      return checks;
    },
    (error: unknown) => {
      // A failed chunk load (a new deployment, a dropped connection) is tried again on the next intent.
      loading = null;
      throw error;
    },
  );
  return loading;
}

export function useOptionCheck() {
  const [checks, setChecks] = useState<OptionChecks | null>(loaded);
  // Stable, so the form's callbacks built on it stay the same once the checks are in.
  const load = useCallback(() => {
    if (loaded) setChecks(loaded);
    else loadChecks().then(setChecks, () => {});
  }, []);
  return { checks, load };
}
