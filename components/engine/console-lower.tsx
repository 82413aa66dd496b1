'use client';
// The console's lower part: the live log, the report bundle, launch history and "paste a log". Below the
// launch settings until the engine is ready, so it loads in a chunk of its own (engine-console.tsx says when).
import type { Ref } from 'react';
import type { LaunchRecord } from '@/hooks/use-engine-history';
import type { ClientLogLine } from '@/lib/client/log-level';
import { buildReport, type ReportInput } from '@/lib/client/log-report';
import type { ProfileSummary } from '@/lib/client/types';
import type { DiagnosisPatch } from '@/lib/diagnosis';
import { LaunchHistory } from './launch-history';
import { type LogFocus, LogPanel } from './log-panel';
import { PasteLog } from './paste-log';
import { ReportActions } from './report-actions';

export interface ConsoleLowerProps {
  lines: ClientLogLine[];
  connected: boolean;
  skipped: number;
  focus: LogFocus | null;
  launchStartSeq: number | null;
  logRef: Ref<HTMLElement>;
  /** What the report needs, read when it is asked for. */
  reportInput(): ReportInput;
  launches: LaunchRecord[] | undefined;
  profiles: ProfileSummary[];
  canLaunch: boolean;
  autoOpen: boolean;
  onLaunchAgain(launch: LaunchRecord): void;
  onUsePatch(patch: DiagnosisPatch): void;
}

export function ConsoleLower(props: ConsoleLowerProps) {
  const { reportInput } = props;
  return (
    <>
      <LogPanel
        ref={props.logRef}
        lines={props.lines}
        connected={props.connected}
        skipped={props.skipped}
        focus={props.focus}
        launchStartSeq={props.launchStartSeq}
      />
      <ReportActions build={() => buildReport(reportInput())} />
      <LaunchHistory
        launches={props.launches}
        profiles={props.profiles}
        canLaunch={props.canLaunch}
        autoOpen={props.autoOpen}
        onLaunchAgain={props.onLaunchAgain}
      />
      <PasteLog onUsePatch={props.onUsePatch} />
    </>
  );
}
