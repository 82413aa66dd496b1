'use client';
// "Paste a log": a vLLM log from elsewhere (a notebook cell, a Docker container) gets the same diagnosis as
// a launch from here; a fix that is an option change can be put into the launch settings (nothing relaunches:
// the log came from elsewhere).
import { memo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useDiagnose } from '@/hooks/use-diagnose';
import type { DiagnosisPatch } from '@/lib/diagnosis/types';
import { ENGINE_NAMES } from '@/lib/diagnosis/unknown';
import { CollapsibleSection } from './collapsible-section';
import { DiagnosisCard } from './diagnosis-card';

export interface PasteLogProps {
  /** Puts a fix's option changes into the launch form. */
  onUsePatch(patch: DiagnosisPatch): void;
}

/** "Relaunch with context 50,512" → "Use context 50,512 in the launch settings". */
const settingsLabel = (patch: DiagnosisPatch) =>
  `Use ${patch.label.replace(/^Relaunch (?:with )?/, '')} in the launch settings`;

export const PasteLog = memo(function PasteLog({ onUsePatch }: PasteLogProps) {
  const [text, setText] = useState('');
  const [applied, setApplied] = useState<DiagnosisPatch | null>(null);
  const { diagnose, result, error, isBusy, reset } = useDiagnose();
  return (
    <CollapsibleSection
      title="Paste a log"
      summary="diagnose a log from elsewhere"
      autoOpen={false}
      data-testid="paste-log"
    >
      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void diagnose(text);
        }}
      >
        <label htmlFor="paste-log-text" className="text-xs text-muted-foreground">
          Paste the output of vLLM, SGLang or llama.cpp from a notebook, a terminal or a container; it stays
          on this server.
        </label>
        <textarea
          id="paste-log-text"
          data-testid="paste-log-input"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setApplied(null);
            if (result || error) reset();
          }}
          rows={6}
          spellCheck={false}
          placeholder="INFO … vLLM API server version …"
          className="min-h-28 w-full resize-y rounded-md border border-border bg-log px-2.5 py-2 font-mono text-xs focus-visible:outline-2 focus-visible:outline-ring"
        />
        <Button
          type="submit"
          variant="primary"
          data-testid="paste-log-submit"
          disabled={!text.trim() || isBusy}
          className="self-start"
        >
          {isBusy ? 'Reading…' : 'Diagnose'}
        </Button>
      </form>
      <div className="mt-3 empty:hidden">
        {error && <p className="text-sm text-danger">{error.message}</p>}
        {result?.diagnosis && (
          <DiagnosisCard
            diagnosis={result.diagnosis}
            context="From the pasted log"
            data-testid="paste-log-diagnosis"
            patchLabel={result.diagnosis.patch ? settingsLabel(result.diagnosis.patch) : undefined}
            onApplyPatch={() => {
              const patch = result.diagnosis?.patch;
              if (!patch) return;
              onUsePatch(patch);
              setApplied(patch);
            }}
          />
        )}
        {result?.diagnosis?.engine && (
          <p data-testid="paste-log-engine" className="mt-1 text-xs text-muted-foreground">
            Read as a {ENGINE_NAMES[result.diagnosis.engine]} log
            {result.diagnosis.engineGuessed ? ' (guessed from its wording)' : ''}.
          </p>
        )}
        {applied && (
          <p data-testid="paste-log-applied" role="status" className="mt-2 text-xs text-muted-foreground">
            Set in the launch settings; Start uses it.
          </p>
        )}
        {result && !result.diagnosis && (
          <p data-testid="paste-log-none" className="text-sm text-muted-foreground">
            No known problem in this log. If it still fails, the first exception line is the place to start.
          </p>
        )}
      </div>
    </CollapsibleSection>
  );
});
