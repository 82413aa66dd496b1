'use client';
// Launch settings: the profile (marked when it will not fit), vLLM's install when it is missing, the
// options form and the exact command line. Folded once the engine is ready.
import { lazy, memo, Suspense } from 'react';
import type { EngineForm } from '@/hooks/use-engine-form';
import type { ProfilesResponse } from '@/lib/client/types';
import type { InstallJobStatus } from '@/lib/engine/types';
import type { SystemReport } from '@/lib/system/types';
import { CollapsibleSection } from './collapsible-section';
import { CommandPreview } from './command-preview';
import { OptionsForm } from './options-form';
import { ProfilePicker } from './profile-picker';

// Only shown while vLLM is missing or being installed: its install planner loads when it is.
const InstallVllm = lazy(() => import('./install-vllm').then((m) => ({ default: m.InstallVllm })));

export interface LaunchSettingsProps {
  catalog: ProfilesResponse | undefined;
  catalogError: Error | undefined;
  form: EngineForm;
  system: SystemReport | undefined;
  job: InstallJobStatus | null;
  canEdit: boolean;
  autoOpen: boolean;
  onInstall(version: string): void;
  onCancelInstall(): void;
  onQuoteClick(seq: number): void;
}

export const LaunchSettings = memo(function LaunchSettings(props: LaunchSettingsProps) {
  const { catalog, form, system, job, canEdit } = props;
  const vllm = system?.items.find((i) => i.id === 'vllm');
  const needsVllm = form.profile?.kind === 'vllm' && vllm && vllm.status !== 'ok' ? vllm.sentence : null;
  const showInstall = Boolean(needsVllm) || job?.state === 'running' || job?.state === 'failed';
  return (
    <CollapsibleSection
      title="Launch settings"
      summary={form.profile?.label}
      autoOpen={props.autoOpen}
      data-testid="launch-settings"
    >
      {/* A pointer or the focus inside is the first sign of an edit: the option checks load then. */}
      <div className="flex flex-col gap-4" onPointerDownCapture={form.prepare} onFocusCapture={form.prepare}>
        {props.catalogError && <p className="text-sm text-danger">Could not load the profiles.</p>}
        <ProfilePicker
          profiles={catalog?.profiles ?? []}
          value={form.profileId}
          fits={system?.profiles}
          disabled={!canEdit || !catalog}
          onChange={(id) => form.choose(id)}
          onApplyFitPatch={(patch) => form.setValues({ ...form.values, ...patch })}
        />
        {showInstall && (
          <Suspense fallback={null}>
            <InstallVllm
              job={job}
              missing={needsVllm}
              canInstall={canEdit && job?.state !== 'running'}
              onInstall={props.onInstall}
              onCancel={props.onCancelInstall}
              onQuoteClick={props.onQuoteClick}
            />
          </Suspense>
        )}
        {form.profile && (
          <OptionsForm
            profile={form.profile}
            values={form.values}
            onChange={form.setValues}
            errors={form.errors}
            disabled={!canEdit}
          />
        )}
        <CommandPreview text={form.commandText} isLaunched={form.isLaunched} />
      </div>
    </CollapsibleSection>
  );
});
