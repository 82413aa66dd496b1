'use client';
// The launcher: pick a profile, adjust its options, start and stop, and watch the engine come up.
import { useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useEngineActions } from '@/hooks/use-engine-actions';
import { useEngineStream } from '@/hooks/use-engine-stream';
import { useProfiles } from '@/hooks/use-profiles';
import { LogView } from './log-view';
import { initialOptionValues, OptionsForm, type OptionValues } from './options-form';
import { StatusPanel } from './status-panel';

export function EngineConsole() {
  const { data: catalog, error: profilesError } = useProfiles();
  const { status, lines, connected } = useEngineStream();
  const { start, stop, error: actionError, busy } = useEngineActions();
  const [profileId, setProfileId] = useState<string | null>(null);
  const [values, setValues] = useState<OptionValues>({});

  const chosenId = profileId ?? status?.profile ?? catalog?.defaultProfile ?? null;
  const profile = useMemo(
    () => catalog?.profiles.find((p) => p.id === chosenId) ?? null,
    [catalog, chosenId],
  );

  useEffect(() => {
    if (profile) setValues(initialOptionValues(profile));
  }, [profile]);

  const state = status?.state ?? 'stopped';
  const canStart = state === 'stopped' || state === 'crashed' || state === 'failed';
  const canStop = state === 'starting' || state === 'ready' || state === 'orphaned';

  return (
    <div className="flex flex-col gap-4">
      <section
        aria-label="Launch"
        className="flex flex-col gap-4 rounded-lg border border-border bg-card p-4"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="profile" className="text-xs font-medium text-muted-foreground">
            Engine profile
          </label>
          <select
            id="profile"
            data-testid="profile-select"
            className="h-9 rounded-md border border-border bg-card px-3 text-sm"
            value={chosenId ?? ''}
            disabled={!canStart || !catalog}
            onChange={(e) => setProfileId(e.target.value)}
          >
            {catalog?.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          {profile && <p className="text-xs text-muted-foreground">{profile.note}</p>}
          {profilesError && <p className="text-sm text-danger">Could not load the profiles.</p>}
        </div>
        {profile && (
          <OptionsForm profile={profile} values={values} onChange={setValues} disabled={!canStart} />
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant="primary"
            data-testid="start-button"
            disabled={!canStart || busy || !profile}
            onClick={() => profile && void start(profile.id, values)}
          >
            Start
          </Button>
          <Button
            variant="danger"
            data-testid="stop-button"
            disabled={!canStop || busy}
            onClick={() => void stop()}
          >
            Stop
          </Button>
          {actionError && (
            <p role="alert" data-testid="action-error" className="text-sm text-danger">
              {actionError.message}
              {actionError.hint ? ` ${actionError.hint}` : ''}
            </p>
          )}
        </div>
      </section>
      {status && <StatusPanel status={status} />}
      <LogView lines={lines} connected={connected} />
    </div>
  );
}
