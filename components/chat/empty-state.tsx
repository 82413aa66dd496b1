// What a new conversation shows: who will answer and a few things to try.
import { SparkIcon } from '@/components/ui/icons';

export const EXAMPLE_PROMPTS = [
  'Compare TCP and UDP in a table.',
  'Write a TypeScript function that debounces another function.',
  'Show that the sum of the first n odd numbers is n². Use LaTeX.',
] as const;

export interface EmptyStateProps {
  modelId: string | null;
  isReady: boolean;
  onPick(prompt: string): void;
}

export function EmptyState({ modelId, isReady, onPick }: EmptyStateProps) {
  return (
    <div
      data-testid="empty-state"
      className="mx-auto flex w-full max-w-2xl flex-col items-center px-4 pt-[12vh] pb-8 text-center"
    >
      <div className="mb-4 flex size-10 items-center justify-center rounded-full border border-border bg-card text-muted-foreground">
        <SparkIcon size={20} />
      </div>
      <h2 className="text-xl font-semibold tracking-tight">What can I help with?</h2>
      <p className="mt-1.5 text-sm text-muted-foreground">
        {isReady && modelId ? (
          <>
            Talking to <span className="font-mono text-foreground">{modelId}</span>
          </>
        ) : (
          'No model is running yet. Start one from the engine console, then ask away.'
        )}
      </p>
      <div className="mt-8 grid w-full gap-2 sm:grid-cols-3">
        {EXAMPLE_PROMPTS.map((prompt) => (
          <button
            key={prompt}
            type="button"
            data-testid="example-prompt"
            onClick={() => onPick(prompt)}
            className="rounded-xl border border-border bg-card px-3.5 py-3 text-left text-sm leading-5 text-muted-foreground transition hover:border-input hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          >
            {prompt}
          </button>
        ))}
      </div>
    </div>
  );
}
