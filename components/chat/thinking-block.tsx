'use client';
// The model's thinking trace: open and streaming under "Thinking…" with a live timer, folded to "Thought
// for 12 s" the moment the answer starts; a click opens it again. The person's open/closed choice is kept
// per message for the session, so scrolling a long chat away and back does not reset it.
// The trace can run to tens of thousands of tokens: it is plain text cut into stable blocks (chat-chunks), and only the
// last chunk changes while it streams.
import { memo, useEffect, useRef, useState } from 'react';
import { ChevronRightIcon } from '@/components/ui/icons';
import { chunkText } from '@/lib/client/chat-chunks';
import { formatThinking } from '@/lib/client/chat-stats';
import { CopyButton } from './copy-button';
import { Elapsed } from './elapsed';

const openChoice = new Map<string, boolean>();
const Chunk = memo(function Chunk({ text }: { text: string }) {
  return <div className="[contain-intrinsic-size:auto_12rem] [content-visibility:auto]">{text}</div>;
});

export interface ThinkingBlockProps {
  messageId: string;
  reasoning: string;
  isThinking: boolean;
  startedAt: number | null;
  durationMs: number | null;
}

// Memoised: while the answer streams, the unchanged trace is not rebuilt every frame.
export const ThinkingBlock = memo(function ThinkingBlock({
  messageId,
  reasoning,
  isThinking,
  startedAt,
  durationMs,
}: ThinkingBlockProps) {
  const [choice, setChoice] = useState(() => openChoice.get(messageId));
  const open = choice ?? isThinking;
  const box = useRef<HTMLDivElement>(null);

  // While it streams, the trace box follows its newest line.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new piece of text
  useEffect(() => {
    const el = box.current;
    if (el && isThinking) el.scrollTop = el.scrollHeight;
  }, [reasoning, isThinking]);

  const toggle = () => {
    openChoice.set(messageId, !open);
    setChoice(!open);
  };

  const label = isThinking
    ? 'Thinking…'
    : durationMs !== null
      ? `Thought for ${formatThinking(durationMs)}`
      : 'Thought';
  const panelId = `thinking-${messageId}`;
  return (
    <div data-testid="thinking-block" data-state={isThinking ? 'thinking' : 'done'} className="mb-3">
      <div className="flex items-center gap-1">
        <button
          type="button"
          data-testid="thinking-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={toggle}
          className="-ml-1.5 inline-flex items-center gap-1.5 rounded-md px-1.5 py-1 text-sm text-muted-foreground transition hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        >
          <ChevronRightIcon size={14} className={`transition-transform ${open ? 'rotate-90' : ''}`} />
          <span className={isThinking ? 'thinking-shimmer' : ''}>{label}</span>
          {isThinking && startedAt !== null && (
            <span className="text-xs">
              <Elapsed since={startedAt} />
            </span>
          )}
        </button>
        {!isThinking && reasoning && (
          <CopyButton text={() => reasoning} label="Copy thinking" data-testid="copy-thinking" />
        )}
      </div>
      {open && (
        <div
          id={panelId}
          ref={box}
          className="mt-1 max-h-80 overflow-y-auto border-l-2 border-border py-1 pr-2 pl-4 text-sm leading-6 whitespace-pre-wrap break-words text-muted-foreground"
        >
          {chunkText(reasoning).map((chunk, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: chunks are positional and never reorder
            <Chunk key={i} text={chunk} />
          ))}
        </div>
      )}
    </div>
  );
});
