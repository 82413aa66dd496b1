'use client';
// One conversation: its messages, the composer and the notes about why a send did not go out.
// Data comes from hooks; this component only decides what to show and wires the person's actions.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useDropzone } from 'react-dropzone';
import { ArrowDownIcon } from '@/components/ui/icons';
import { useChatAttachments } from '@/hooks/use-chat-attachments';
import { useChatDraft } from '@/hooks/use-chat-draft';
import type { useChatGeneration } from '@/hooks/use-chat-generation';
import { useChatMessages } from '@/hooks/use-chat-messages';
import { useChatScroll } from '@/hooks/use-chat-scroll';
import { MEDIA_ACCEPT, useMediaIntake } from '@/hooks/use-media-intake';
import { ApiError } from '@/lib/api-error';
import type { ComposerImageLimits } from '@/lib/client/image-limits';
import { AttachmentTray } from './attachment-tray';
import { ChatHeader } from './chat-header';
import { ChatNotices } from './chat-notices';
import { Composer } from './composer';
import { DropOverlay } from './drop-overlay';
import { EmptyState } from './empty-state';
import { preloadMarkdown } from './markdown';
import { MessageList } from './message-list';
import { PdfPagePicker } from './pdf-page-picker';

export interface ChatViewProps {
  /** null: a new conversation, stored when its first message is accepted. */
  conversationId: string | null;
  /** null while the conversation list has not caught up with a just-created conversation. */
  title: string | null;
  isReady: boolean;
  modelId: string | null;
  /** How many images a message may carry and how they are sized, for the running model. */
  imageLimits: ComposerImageLimits;
  generation: ReturnType<typeof useChatGeneration>;
  onConversationCreated(id: string): void;
  onOpenConsole(): void;
  onExport(format: 'markdown' | 'json'): void;
}

// Memoised: the page re-renders with every engine log line; the conversation only when its inputs change.
export const ChatView = memo(function ChatView(props: ChatViewProps) {
  const {
    conversationId,
    title,
    isReady,
    modelId,
    imageLimits,
    generation,
    onConversationCreated,
    onOpenConsole,
    onExport,
  } = props;
  const messages = useChatMessages(conversationId);
  const [draft, setDraft] = useChatDraft(conversationId);
  const attachments = useChatAttachments(imageLimits);
  const { add: addImages } = attachments;
  const media = useMediaIntake(
    imageLimits,
    useCallback((files: File[]) => void addImages(files), [addImages]),
  );
  // Drop anywhere on the chat; the paperclip opens the same picker. No `accept` filter here: every file is
  // checked by its content, so a refused one gets a message naming it instead of vanishing.
  const dropzone = useDropzone({
    onDrop: (files) => media.intake(files),
    noClick: true,
    noKeyboard: true,
    // Pasting is the composer's (onPasteFiles), so a paste into a message being edited stays text.
    noPaste: true,
  });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [needsEngine, setNeedsEngine] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const scroll = useChatScroll(conversationId);
  const ready = useRef(isReady);
  ready.current = isReady;
  // The text as it is when the send goes out (it may have changed while images finished uploading).
  const draftRef = useRef(draft);
  draftRef.current = draft;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a different conversation starts clean
  useEffect(() => {
    setEditingId(null);
    setError(null);
    setNeedsEngine(false);
  }, [conversationId]);

  useEffect(() => {
    if (isReady) setNeedsEngine(false);
  }, [isReady]);

  useEffect(() => {
    if (draft) preloadMarkdown();
  }, [draft]);

  const refused = useCallback((e: ApiError) => {
    if (e.code === 'engine_not_ready') setNeedsEngine(true);
    else setError(e);
  }, []);

  const send = async () => {
    if (!isReady) {
      setNeedsEngine(true);
      return;
    }
    setSending(true);
    setError(null);
    // Send waits for images still being prepared or uploaded.
    const images = await attachments.whenReady();
    const clips = await media.clips.whenReady();
    if (!images.ok || !clips.ok) {
      setSending(false);
      const why = !images.ok ? images.error : !clips.ok ? clips.error : '';
      return setError(new ApiError(0, 'image_not_ready', why));
    }
    const result = await generation.send(conversationId, draftRef.current, [
      ...images.images,
      ...clips.clips,
    ]);
    setSending(false);
    if (!result.ok) return refused(result.error);
    setDraft('');
    attachments.remove(images.ids);
    media.clips.remove(clips.ids);
    if (result.conversationId !== conversationId) onConversationCreated(result.conversationId);
    scroll.follow();
  };

  // An example from the empty state: into the composer (with its picture), sent when a model is ready.
  const pickExample = async (prompt: string, images: File[] = []) => {
    setDraft(prompt);
    draftRef.current = prompt;
    if (images.length > 0) await attachments.add(images);
    if (ready.current) void send();
  };

  const { regenerate, editAndResend } = generation;
  const onRegenerate = useCallback(
    async (messageId: string) => {
      if (!conversationId) return;
      if (!ready.current) return setNeedsEngine(true);
      setError(null);
      const result = await regenerate(conversationId, messageId);
      if (!result.ok) refused(result.error);
    },
    [conversationId, regenerate, refused],
  );

  const onSubmitEdit = useCallback(
    async (messageId: string, text: string) => {
      if (!conversationId) return null;
      if (!ready.current) return 'Start a model first: no engine is ready to answer.';
      const result = await editAndResend(conversationId, messageId, text);
      if (!result.ok) return `${result.error.message}${result.error.hint ? ` ${result.error.hint}` : ''}`;
      setEditingId(null);
      return null;
    },
    [conversationId, editAndResend],
  );

  const isStreaming = generation.active !== null && generation.active.conversationId === conversationId;
  const { stop } = generation;
  const root = useRef<HTMLDivElement>(null);

  // Esc stops a streaming reply from anywhere in the chat (a message's buttons, the list), not only from the
  // composer; outside the chat (a dialog, the engine drawer) Esc keeps its own meaning.
  useEffect(() => {
    if (!isStreaming) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (e.target instanceof Node && root.current?.contains(e.target)) stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isStreaming, stop]);
  const onEditLast = () => {
    const last = messages?.findLast((m) => m.role === 'user');
    if (last && !generation.active) setEditingId(last.id);
  };

  return (
    <div {...dropzone.getRootProps({ className: 'h-full outline-none' })} data-testid="chat-dropzone">
      <input {...dropzone.getInputProps({ accept: MEDIA_ACCEPT })} data-testid="image-input" />
      {dropzone.isDragActive && <DropOverlay maxImages={imageLimits.maxImages} />}
      <div ref={root} className="flex h-full min-h-0 flex-col">
        {conversationId && <ChatHeader title={title ?? ''} onExport={onExport} />}
        <div
          ref={scroll.scrollRef}
          onScroll={scroll.onScroll}
          className="min-h-0 flex-1 overflow-y-auto"
          data-testid="chat-scroll"
        >
          <div ref={scroll.contentRef}>
            {messages !== undefined &&
              (messages.length === 0 ? (
                <EmptyState modelId={modelId} isReady={isReady} onPick={(p, f) => void pickExample(p, f)} />
              ) : (
                <MessageList
                  messages={messages}
                  isBusy={generation.active !== null}
                  editingId={editingId}
                  onEdit={setEditingId}
                  onSubmitEdit={onSubmitEdit}
                  onRegenerate={onRegenerate}
                />
              ))}
          </div>
        </div>
        <div className="relative shrink-0 px-3 pb-3 sm:px-6 sm:pb-4">
          {!scroll.isAtBottom && (
            <button
              type="button"
              data-testid="jump-to-latest"
              onClick={scroll.jumpToLatest}
              className="absolute -top-12 left-1/2 inline-flex -translate-x-1/2 items-center gap-1.5 rounded-full border border-border bg-card px-3 py-1.5 text-xs font-medium shadow-md transition hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
            >
              <ArrowDownIcon size={14} />
              Jump to latest
            </button>
          )}
          <div className="mx-auto w-full max-w-3xl">
            <ChatNotices
              needsEngine={needsEngine && !isReady}
              onOpenConsole={onOpenConsole}
              onDismissEngine={() => setNeedsEngine(false)}
              error={error}
              onDismissError={() => setError(null)}
              imageNotice={[attachments.notice, media.clips.notice].filter(Boolean).join(' ') || null}
              onDismissImages={() => {
                attachments.dismissNotice();
                media.clips.dismissNotice();
              }}
              storageNotice={generation.notice}
              onDismissStorage={generation.clearNotice}
            />
            <Composer
              value={draft}
              onChange={setDraft}
              onSend={() => void send()}
              onStop={generation.stop}
              onEditLast={onEditLast}
              isStreaming={isStreaming}
              isSending={sending}
              placeholder={isReady && modelId ? `Message ${modelId}` : 'Ask anything'}
              focusKey={conversationId}
              hasAttachments={attachments.items.length + media.clips.items.length > 0}
              onAttach={dropzone.open}
              onPasteFiles={(files) => media.intake(files)}
              attachments={
                <>
                  {media.pdf && (
                    <PdfPagePicker
                      key={`${media.pdf.name}-${media.pdf.lastModified}`}
                      file={media.pdf}
                      slots={Math.max(0, imageLimits.maxImages - attachments.items.length)}
                      maxPixels={imageLimits.maxPixels}
                      tokenPatch={imageLimits.tokenPatch}
                      onAdd={(pages) => {
                        void addImages(pages);
                        media.nextPdf();
                      }}
                      onCancel={media.nextPdf}
                    />
                  )}
                  <AttachmentTray
                    attachments={attachments.items}
                    clips={media.clips.items}
                    clipActions={{
                      onRemove: (id) => media.clips.remove([id]),
                      onToggleOriginal: media.clips.toggleOriginal,
                      onRetry: media.clips.retry,
                    }}
                    tokenPatch={imageLimits.tokenPatch}
                    onRemove={(id) => attachments.remove([id])}
                    onToggleOriginal={attachments.toggleOriginal}
                    onRetry={attachments.retry}
                  />
                </>
              }
            />
            <p className="mt-1.5 hidden text-center text-xs text-muted-foreground sm:block">
              Enter to send · Shift+Enter for a new line · Esc to stop · ↑ to edit your last message
            </p>
          </div>
        </div>
      </div>
    </div>
  );
});
