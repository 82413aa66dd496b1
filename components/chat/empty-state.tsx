'use client';
// What a new conversation shows: what the engine is doing (nothing yet, starting — its stage and progress —,
// crashed — what went wrong, and the way to the console) or who will answer, and a few things to try. A
// click on an example sends it once a model is ready (before, it waits in the composer); the picture example
// attaches a sample image shipped with the app.
import { overallProgress } from '@/components/engine/stage-progress';
import { ChatIcon, ImageIcon } from '@/components/ui/icons';
import { useEngineView } from '@/hooks/use-engine-view';
import type { EngineStatus } from '@/lib/engine/types';

export interface ExamplePrompt {
  text: string;
  /** A picture from public/ sent with the text. */
  image?: { src: string; name: string; alt: string };
}

export const EXAMPLE_PROMPTS: readonly ExamplePrompt[] = [
  {
    text: 'What is in this picture? Describe it in three sentences.',
    image: {
      src: '/examples/house.jpg',
      name: 'house.jpg',
      alt: 'A drawn house with a red roof, a tree and a cat',
    },
  },
  { text: 'Compare TCP and UDP in a table.' },
  { text: 'Show that the sum of the first n odd numbers is n². Use LaTeX.' },
];

export interface EmptyStateProps {
  modelId: string | null;
  isReady: boolean;
  /** Puts the example in the composer (with its picture), and sends it when a model is ready. */
  onPick(prompt: string, images?: File[]): void;
}

async function exampleFiles(example: ExamplePrompt): Promise<File[]> {
  if (!example.image) return [];
  const blob = await (await fetch(example.image.src)).blob();
  return [new File([blob], example.image.name, { type: blob.type || 'image/jpeg' })];
}

export function EmptyState({ modelId, isReady, onPick }: EmptyStateProps) {
  const { status, openConsole } = useEngineView();
  const state = status?.state ?? null;
  return (
    <div
      data-testid="empty-state"
      data-engine={isReady ? 'ready' : (state ?? 'unknown')}
      className="mx-auto flex w-full max-w-2xl flex-col items-center px-4 pt-[12vh] pb-8 text-center"
    >
      <div className="mb-4 flex size-10 items-center justify-center rounded-full border border-border bg-card text-muted-foreground">
        <ChatIcon size={20} />
      </div>
      <h2 className="text-xl font-semibold tracking-tight">What can I help with?</h2>
      <EngineLine status={status} isReady={isReady} modelId={modelId} onOpenConsole={openConsole} />
      <div className="mt-8 grid w-full gap-2 sm:grid-cols-3">
        {EXAMPLE_PROMPTS.map((example) => (
          <button
            key={example.text}
            type="button"
            data-testid="example-prompt"
            data-has-image={Boolean(example.image) || undefined}
            onClick={() => void exampleFiles(example).then((files) => onPick(example.text, files))}
            className="flex flex-col gap-2 rounded-xl border border-border bg-card px-3.5 py-3 text-left text-sm leading-5 text-muted-foreground transition hover:border-input hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          >
            {example.image && (
              <span className="flex items-center gap-2">
                {/* biome-ignore lint/performance/noImgElement: a 13 KB sample shipped in public/, shown as is */}
                <img
                  src={example.image.src}
                  alt={example.image.alt}
                  width={48}
                  height={32}
                  className="h-8 w-12 rounded object-cover"
                />
                <ImageIcon size={14} className="shrink-0" />
              </span>
            )}
            {example.text}
          </button>
        ))}
      </div>
    </div>
  );
}

interface EngineLineProps {
  status: EngineStatus | null;
  isReady: boolean;
  modelId: string | null;
  onOpenConsole(): void;
}

const BROKEN = new Set(['crashed', 'failed', 'orphaned']);

function EngineLine({ status, isReady, modelId, onOpenConsole }: EngineLineProps) {
  const consoleButton = (label: string) => (
    <button
      type="button"
      data-testid="empty-open-console"
      onClick={onOpenConsole}
      className="mt-3 inline-flex h-8 items-center rounded-md border border-input bg-card px-3 text-sm font-medium text-foreground transition hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
    >
      {label}
    </button>
  );
  if (isReady && modelId) {
    return (
      <p className="mt-1.5 text-sm text-muted-foreground">
        Talking to <span className="font-mono text-foreground">{modelId}</span>
      </p>
    );
  }
  if (status?.state === 'starting' || status?.state === 'stopping') {
    const stage = status.stage;
    const progress =
      stage && status.state === 'starting' ? overallProgress(stage.name, stage.progress) : null;
    return (
      <div
        data-testid="empty-engine-starting"
        className="mt-2 flex w-full max-w-xs flex-col items-center gap-2"
      >
        <p className="text-sm text-muted-foreground">
          {status.state === 'stopping' ? 'The engine is stopping…' : 'The model is starting: '}
          {stage && status.state === 'starting' && (
            <span data-testid="empty-engine-stage" className="text-foreground">
              {stage.name}
              {stage.detail ? ` · ${stage.detail}` : ''}
            </span>
          )}
        </p>
        {progress !== null && (
          <div
            role="progressbar"
            aria-label="Startup progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            className="h-1 w-full overflow-hidden rounded-full bg-muted"
          >
            <div
              className="h-full rounded-full bg-primary transition-[width]"
              style={{ width: `${progress * 100}%` }}
            />
          </div>
        )}
        <p className="text-xs text-muted-foreground">You can write your first message meanwhile.</p>
      </div>
    );
  }
  if (status && BROKEN.has(status.state)) {
    const title = status.diagnosis?.title ?? status.error ?? `The engine ${status.state}.`;
    return (
      <div data-testid="empty-engine-broken" className="mt-2 flex flex-col items-center">
        <p className="text-sm text-muted-foreground">
          The last launch {status.state === 'orphaned' ? 'left an engine running' : status.state}:{' '}
          <span data-testid="empty-engine-problem" className="text-danger">
            {title}
          </span>
        </p>
        {consoleButton('Open the engine console')}
      </div>
    );
  }
  return (
    <div data-testid="empty-engine-stopped" className="mt-1.5 flex flex-col items-center">
      <p className="text-sm text-muted-foreground">
        No model is running yet. Start one in the engine console.
      </p>
      {consoleButton('Open the engine console')}
    </div>
  );
}
