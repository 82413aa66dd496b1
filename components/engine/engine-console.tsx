'use client';
// The engine console, stacked for a narrow side pane: status and controls, the diagnosis of a failed
// launch, the machine check, launch settings, the live log, the report bundle, launch history and "paste a
// log". Settings fold away once the engine is ready; status and log stay. The engine stream comes from the
// page, which also shows the engine's state in its top bar: one connection serves both.
import { lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useEngineActions } from '@/hooks/use-engine-actions';
import { useEngineForm } from '@/hooks/use-engine-form';
import { type LaunchRecord, useEngineHistory } from '@/hooks/use-engine-history';
import { useEngineRelaunch } from '@/hooks/use-engine-relaunch';
import { useEngineStages } from '@/hooks/use-engine-stages';
import type { EngineStream } from '@/hooks/use-engine-stream';
import { useProfiles } from '@/hooks/use-profiles';
import { useRevealOnIntent } from '@/hooks/use-reveal-on-intent';
import { useSystem } from '@/hooks/use-system';
import { formatCommandLine } from '@/lib/client/command-text';
import type { ReportInput } from '@/lib/client/log-report';
import type { DiagnosisPatch } from '@/lib/diagnosis';
import { canStart } from '@/lib/engine/state-machine';
import type { EngineStatus } from '@/lib/engine/types';
import { DiagnosisCard } from './diagnosis-card';
import { GatewayTraffic } from './gateway-traffic';
import { LaunchControls } from './launch-controls';
import { LaunchSettings } from './launch-settings';
import type { LogFocus } from './log-panel';
import { MachineCheck } from './machine-check';
import { revealInScroller } from './reveal';
import { StatusPanel } from './status-panel';

// Log, report, history and "paste a log" sit below the machine check and the launch settings until the
// engine is ready: their code loads once the person heads there (or they come into view), not with the
// console. A ready engine folds the settings, so its console shows them with the rest.
const ConsoleLower = lazy(() => import('./console-lower').then((m) => ({ default: m.ConsoleLower })));

/** A launch diagnosis is shown while it matters: the launch failed, or a warning came while starting. */
function shownDiagnosis(status: EngineStatus | null) {
  const d = status?.diagnosis;
  if (!d || !status) return null;
  const isOver = status.state === 'failed' || status.state === 'crashed' || status.state === 'orphaned';
  return isOver || (status.state === 'starting' && d.severity === 'warning') ? d : null;
}

export function EngineConsole({ stream }: { stream: EngineStream }) {
  const { status, lines, connected, skipped } = stream;
  const { data: catalog, error: catalogError } = useProfiles();
  const actions = useEngineActions();
  const form = useEngineForm(catalog, status, actions.error, actions.clearError);
  const state = status?.state ?? 'stopped';
  const relaunch = useEngineRelaunch(status ? state : null, actions);
  const system = useSystem();
  const timeline = useEngineStages(status);
  const history = useEngineHistory(status?.profile ?? form.profileId, status ? state : null);
  const [focus, setFocus] = useState<LogFocus | null>(null);
  const logPanel = useRef<HTMLElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const lowerSpot = useRef<HTMLDivElement>(null);
  const linesNow = useRef(lines);
  useEffect(() => {
    linesNow.current = lines;
  }, [lines]);

  const isReady = state === 'ready';
  const [hasLower, showLower] = useRevealOnIntent(isReady, root, lowerSpot);
  const canEdit = canStart(state) && status?.job?.state !== 'running';
  const diagnosis = shownDiagnosis(status);
  const { start, stop, install, cancelInstall } = actions;
  const { choose, setValues, values } = form;
  const putPatch = useCallback(
    (patch: DiagnosisPatch) => setValues({ ...values, ...patch.options }),
    [setValues, values],
  );

  const showLine = useCallback(
    (seq: number) => {
      showLower();
      setFocus({ seq, n: Date.now() });
      const panel = logPanel.current ?? lowerSpot.current;
      if (panel) revealInScroller(panel);
    },
    [showLower],
  );
  const launchAgain = useCallback(
    (launch: LaunchRecord) => {
      choose(launch.profile, launch.options);
      void relaunch(launch.profile, launch.options);
    },
    [choose, relaunch],
  );
  const applyPatch = () => {
    if (!diagnosis?.patch || !status?.profile) return;
    const options = { ...(status.options ?? form.values), ...diagnosis.patch.options };
    choose(status.profile, options);
    void relaunch(status.profile, options);
  };
  const reportInput = useCallback(
    (): ReportInput => ({
      now: Date.now(),
      status,
      profileId: status?.profile ?? form.profileId,
      // The launch's own command (what ran), else the one the form would run.
      commandLine: status?.command ? formatCommandLine(status.command) : form.commandText,
      options: status?.options ?? form.values,
      lastReady: history?.lastReady ?? null,
      system: system.report ?? null,
      diagnosis: status?.diagnosis ?? status?.job?.diagnosis ?? null,
      lines: linesNow.current,
    }),
    [status, form, history, system.report],
  );
  const profileList = useMemo(() => catalog?.profiles ?? [], [catalog]);
  const onInstall = useCallback((version: string) => void install(version), [install]);
  const onCancelInstall = useCallback(() => void cancelInstall(), [cancelInstall]);

  return (
    <div ref={root} className="flex flex-col gap-3">
      <StatusPanel status={status} timeline={timeline} connected={connected} isExplained={Boolean(diagnosis)}>
        <LaunchControls
          state={state}
          canLaunch={Boolean(form.profile) && form.isValid}
          launchLabel={form.profile?.label ?? null}
          isBusy={actions.busy || !status}
          error={actions.error}
          onStart={() => form.profile && void start(form.profile.id, form.values)}
          onStop={() => void stop()}
          onRestart={() => form.profile && void relaunch(form.profile.id, form.values)}
        />
      </StatusPanel>
      {diagnosis && (
        <DiagnosisCard
          diagnosis={diagnosis}
          context={state === 'starting' ? 'While starting' : `Launch ${state}`}
          onQuoteClick={showLine}
          onApplyPatch={applyPatch}
          isPatchDisabled={actions.busy}
        />
      )}
      <GatewayTraffic />
      <MachineCheck system={system} autoOpen={!isReady} />
      <LaunchSettings
        catalog={catalog}
        catalogError={catalogError as Error | undefined}
        form={form}
        system={system.report}
        job={status?.job ?? null}
        canEdit={canEdit}
        autoOpen={!isReady}
        onInstall={onInstall}
        onCancelInstall={onCancelInstall}
        onQuoteClick={showLine}
      />
      {hasLower ? (
        <ConsoleLower
          logRef={logPanel}
          lines={lines}
          connected={connected}
          skipped={skipped}
          focus={focus}
          launchStartSeq={status?.logStartSeq ?? null}
          reportInput={reportInput}
          launches={history?.launches}
          profiles={profileList}
          canLaunch={canEdit}
          autoOpen={!isReady}
          onLaunchAgain={launchAgain}
          onUsePatch={putPatch}
        />
      ) : (
        // About the height of what comes, so the pane's scroll range does not jump when it does.
        <div ref={lowerSpot} aria-hidden className="min-h-[57rem]" />
      )}
    </div>
  );
}
