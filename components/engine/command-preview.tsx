// The exact command line a launch runs, read-only and copyable: the running launch's own (secrets masked by
// the server) or, before a launch, the one the form would run. Rows break between arguments — a flag and
// its value stay together — never inside `--max-model-len`; only an argument wider than the box breaks.
import { commandGroups } from '@/lib/client/command-groups';
import { CopyAction } from './copy-action';

export interface CommandPreviewProps {
  text: string | null;
  /** True when the text is the running launch's own command, not a preview. */
  isLaunched: boolean;
}

export function CommandPreview({ text, isLaunched }: CommandPreviewProps) {
  if (!text) return null;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-muted-foreground">
          {isLaunched ? 'Command line (this launch)' : 'Command line'}
        </span>
        <CopyAction text={() => text} label="Copy the command line" data-testid="copy-command">
          Copy
        </CopyAction>
      </div>
      <pre
        data-testid="command-line"
        className="max-h-40 overflow-auto rounded-md border border-border bg-log px-2.5 py-2 font-mono text-xs leading-5 whitespace-pre-wrap select-all"
      >
        {commandGroups(text).map((group, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the groups of one text, in order
          <span key={i}>
            {i > 0 ? ' ' : ''}
            <span data-testid="command-arg" className="inline-block max-w-full break-all">
              {group}
            </span>
          </span>
        ))}
      </pre>
    </div>
  );
}
