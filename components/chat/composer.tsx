'use client';
// Where the person types. Enter sends, Shift+Enter breaks the line, Esc stops a streaming reply, ↑ in an
// empty box edits the last message. The text stays until the server has accepted it. Images come in by the
// paperclip, by pasting (a screenshot from the clipboard) or by dropping them on the chat.
import { type ClipboardEvent, type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { ArrowUpIcon, PaperclipIcon, StopIcon } from '@/components/ui/icons';

export interface ComposerProps {
  value: string;
  onChange(value: string): void;
  onSend(): void;
  onStop(): void;
  onEditLast(): void;
  /** A reply is streaming in this conversation: the send button becomes Stop. */
  isStreaming: boolean;
  /** The send is on its way to the server. */
  isSending: boolean;
  placeholder: string;
  focusKey: string | null;
  /** The attached images, shown above the text. */
  attachments: ReactNode;
  /** Images alone make a message worth sending. */
  hasAttachments: boolean;
  onAttach(): void;
  onPasteFiles(files: File[]): void;
}

const MAX_HEIGHT = 240;

export function Composer(props: ComposerProps) {
  const { value, onChange, onSend, onStop, onEditLast, isStreaming, isSending, placeholder, focusKey } =
    props;
  const { attachments, hasAttachments, onAttach, onPasteFiles } = props;
  const area = useRef<HTMLTextAreaElement>(null);

  // Grows with the text up to MAX_HEIGHT, then scrolls.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure whenever the text changes
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT)}px`;
  }, [value]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus when the conversation changes
  useEffect(() => {
    if (window.matchMedia('(pointer: fine)').matches) area.current?.focus();
  }, [focusKey]);

  const canSend = (value.trim().length > 0 || hasAttachments) && !isSending && !isStreaming;

  // A pasted image becomes an attachment; pasted text is left to the textarea.
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(e.clipboardData.files);
    if (files.length === 0) return;
    e.preventDefault();
    onPasteFiles(files);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      if (canSend) onSend();
    } else if (e.key === 'Escape' && isStreaming) {
      e.preventDefault();
      onStop();
    } else if (e.key === 'ArrowUp' && value === '') {
      e.preventDefault();
      onEditLast();
    }
  };

  return (
    <form
      className="relative flex flex-col rounded-2xl border border-input bg-card px-2 pb-2 shadow-sm transition focus-within:border-ring/60 focus-within:ring-3 focus-within:ring-ring/15"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSend) onSend();
      }}
    >
      {attachments}
      <div className="flex items-end gap-1.5 pt-2">
        <IconButton label="Attach images" data-testid="attach-button" onClick={onAttach} className="mb-0.5">
          <PaperclipIcon size={18} />
        </IconButton>
        <label htmlFor="composer" className="sr-only">
          Message
        </label>
        <textarea
          id="composer"
          ref={area}
          data-testid="composer-input"
          value={value}
          rows={1}
          placeholder={`${placeholder} — or drop or paste an image`}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          enterKeyHint="send"
          className="max-h-60 min-h-10 flex-1 resize-none bg-transparent py-2 text-[15px] leading-6 outline-none placeholder:text-muted-foreground"
        />
        {isStreaming ? (
          <button
            type="button"
            data-testid="chat-stop-button"
            aria-label="Stop the reply"
            title="Stop (Esc)"
            onClick={onStop}
            className="inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-foreground text-background transition hover:opacity-85 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            <StopIcon size={14} />
          </button>
        ) : (
          <button
            type="submit"
            data-testid="send-button"
            aria-label="Send"
            title="Send (Enter)"
            disabled={!canSend}
            aria-busy={isSending}
            className="inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-foreground text-background transition hover:opacity-85 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-30"
          >
            {isSending ? (
              <span className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />
            ) : (
              <ArrowUpIcon size={18} />
            )}
          </button>
        )}
      </div>
    </form>
  );
}
