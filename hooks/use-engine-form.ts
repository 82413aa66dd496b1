'use client';
// The launch form: which profile, its option values, and what they would run. Until the person edits it,
// the form shows the current launch's options (so Restart and the report use what is running), else the
// profile's defaults. Problems come from the same schema the server validates with, and from its 400.
import { useCallback, useMemo, useState } from 'react';
import { type ApiError, groupFieldErrors } from '@/lib/api-error';
import {
  formatCommandLine,
  initialOptionValues,
  issuesByField,
  type OptionValues,
  previewCommand,
} from '@/lib/client/engine-command';
import type { ProfileSummary, ProfilesResponse } from '@/lib/client/types';
import type { EngineStatus } from '@/lib/engine/types';

const NO_VALUES: OptionValues = {};
const ACTIVE = new Set(['starting', 'ready', 'stopping', 'orphaned']);

/** The launch's options restricted to the form's fields; none for an external server (its key is masked). */
function launchedValues(profile: ProfileSummary, options: Record<string, unknown> | null | undefined) {
  if (!options || profile.kind === 'external') return null;
  const keys = Object.keys(profile.optionSchema.properties ?? {});
  return Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));
}

export function useEngineForm(
  catalog: ProfilesResponse | undefined,
  status: EngineStatus | null,
  actionError: ApiError | null,
  onEdit: () => void,
) {
  const [form, setForm] = useState<{ profileId: string; values: OptionValues } | null>(null);
  const profileId = form?.profileId ?? status?.profile ?? catalog?.defaultProfile ?? null;
  const profile = useMemo(
    () => catalog?.profiles.find((p) => p.id === profileId) ?? null,
    [catalog, profileId],
  );
  const launched = status?.profile === profileId ? status?.options : null;
  const values = useMemo(() => {
    if (form && form.profileId === profileId) return form.values;
    if (!profile) return NO_VALUES;
    return launchedValues(profile, launched) ?? initialOptionValues(profile);
  }, [form, profileId, profile, launched]);

  const choose = useCallback(
    (id: string, next?: OptionValues) => {
      const chosen = catalog?.profiles.find((p) => p.id === id);
      if (!chosen) return;
      setForm({
        profileId: id,
        values: next ? (launchedValues(chosen, next) ?? next) : initialOptionValues(chosen),
      });
      onEdit();
    },
    [catalog, onEdit],
  );
  const setValues = useCallback(
    (next: OptionValues) => {
      if (!profileId) return;
      setForm({ profileId, values: next });
      onEdit();
    },
    [profileId, onEdit],
  );

  const preview = useMemo(() => (profileId ? previewCommand(profileId, values) : null), [profileId, values]);
  const errors = useMemo(
    () => ({
      ...groupFieldErrors(actionError, 'options'),
      ...(preview && !preview.ok ? issuesByField(preview.issues) : {}),
    }),
    [actionError, preview],
  );
  const isLaunched = Boolean(
    status && ACTIVE.has(status.state) && status.command && status.profile === profileId,
  );
  const commandText =
    isLaunched && status?.command ? formatCommandLine(status.command) : preview?.ok ? preview.text : null;
  const isValid = preview?.ok ?? false;
  return useMemo(
    () => ({ profile, profileId, values, setValues, choose, errors, isValid, commandText, isLaunched }),
    [profile, profileId, values, setValues, choose, errors, isValid, commandText, isLaunched],
  );
}

export type EngineForm = ReturnType<typeof useEngineForm>;
