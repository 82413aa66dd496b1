'use client';
// The launch form: which profile, its option values, and what they would run. Until the person edits it,
// the form shows the current launch's options (so Restart and the report use what is running), else the
// profile's defaults. Problems come from the same schema the server validates with, and from its 400; that
// schema loads once the form is about to be edited (`prepare`), and values nobody edited need no check.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type ApiError, groupFieldErrors } from '@/lib/api-error';
import { formatCommandLine, uncheckedPreview } from '@/lib/client/command-text';
import { initialOptionValues, type OptionValues } from '@/lib/client/option-values';
import type { ProfileSummary, ProfilesResponse } from '@/lib/client/types';
import type { EngineStatus } from '@/lib/engine/types';
import { useOptionCheck } from './use-option-check';

const NO_VALUES: OptionValues = {};
const ACTIVE = new Set(['starting', 'ready', 'stopping', 'orphaned']);

/** The launch's options restricted to the form's fields; none for an external server (its key is masked). */
function launchedValues(profile: ProfileSummary, options: Record<string, unknown> | null | undefined) {
  if (!options || profile.kind === 'external') return null;
  const keys = Object.keys(profile.optionSchema.properties ?? {});
  return Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));
}

/** Where an unedited form starts, and whether its values are known to pass the checks without running them. */
function startingValues(
  profile: ProfileSummary | null,
  launched: Record<string, unknown> | null | undefined,
) {
  if (!profile) return { values: NO_VALUES, isKnownValid: false };
  const fromLaunch = launchedValues(profile, launched);
  // The server accepted the launch's options; it checked the profile's defaults for the catalogue.
  if (fromLaunch) return { values: fromLaunch, isKnownValid: true };
  return { values: initialOptionValues(profile), isKnownValid: profile.defaultsValid };
}

export function useEngineForm(
  catalog: ProfilesResponse | undefined,
  status: EngineStatus | null,
  actionError: ApiError | null,
  onEdit: () => void,
) {
  const [form, setForm] = useState<{ profileId: string; values: OptionValues } | null>(null);
  const { checks, load: prepare } = useOptionCheck();
  const profileId = form?.profileId ?? status?.profile ?? catalog?.defaultProfile ?? null;
  const profile = useMemo(
    () => catalog?.profiles.find((p) => p.id === profileId) ?? null,
    [catalog, profileId],
  );
  const launched = status?.profile === profileId ? status?.options : null;
  const start = useMemo(() => startingValues(profile, launched), [profile, launched]);
  const edited = form && form.profileId === profileId ? form.values : null;
  const values = edited ?? start.values;
  const isTrusted = !edited && start.isKnownValid;
  // Starting values that may be incomplete (a model to type in) are checked at once, as before.
  useEffect(() => {
    if (profile && !isTrusted) prepare();
  }, [profile, isTrusted, prepare]);

  const choose = useCallback(
    (id: string, next?: OptionValues) => {
      const chosen = catalog?.profiles.find((p) => p.id === id);
      if (!chosen) return;
      setForm({
        profileId: id,
        values: next ? (launchedValues(chosen, next) ?? next) : initialOptionValues(chosen),
      });
      prepare();
      onEdit();
    },
    [catalog, onEdit, prepare],
  );
  const setValues = useCallback(
    (next: OptionValues) => {
      if (!profileId) return;
      setForm({ profileId, values: next });
      prepare();
      onEdit();
    },
    [profileId, onEdit, prepare],
  );

  const preview = useMemo(() => {
    if (!profileId) return null;
    if (checks) return checks.previewCommand(profileId, values);
    // Edited values keep their command line in view for the moment the checks take to arrive.
    return isTrusted || edited ? uncheckedPreview(profileId, values) : null;
  }, [checks, profileId, values, isTrusted, edited]);
  const errors = useMemo(
    () => ({
      ...groupFieldErrors(actionError, 'options'),
      ...(checks && preview && !preview.ok ? checks.issuesByField(preview.issues) : {}),
    }),
    [actionError, checks, preview],
  );
  const isLaunched = Boolean(
    status && ACTIVE.has(status.state) && status.command && status.profile === profileId,
  );
  const commandText =
    isLaunched && status?.command ? formatCommandLine(status.command) : preview?.ok ? preview.text : null;
  // Edited values wait for the checks (a moment after the first pointer or focus in the form).
  const isValid = (preview?.ok ?? false) && (checks !== null || isTrusted);
  return useMemo(
    () => ({
      profile,
      profileId,
      values,
      setValues,
      choose,
      prepare,
      errors,
      isValid,
      commandText,
      isLaunched,
    }),
    [profile, profileId, values, setValues, choose, prepare, errors, isValid, commandText, isLaunched],
  );
}

export type EngineForm = ReturnType<typeof useEngineForm>;
