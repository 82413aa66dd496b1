'use client';
// One conversation: its messages, the composer and the notes about why a send did not go out.
// Data and behaviour come from hooks (the chat session, the composer, the attachment queue); this
// component only lays them out.
import { lazy, memo, Suspense, useEffect, useRef } from 'react';
import { ArrowDownIcon } from '@/components/ui/icons';
import { useChatAttachments } from '@/hooks/use-chat-attachments';
import { useChatComposer } from '@/hooks/use-chat-composer';
import { useChatDraft } from '@/hooks/use-chat-draft';
import { useChatEscape } from '@/hooks/use-chat-escape';
import type { useChatGeneration } from '@/hooks/use-chat-generation';
import { useChatMessages } from '@/hooks/use-chat-messages';
import { useChatScroll } from '@/hooks/use-chat-scroll';
import { useFileDrop } from '@/hooks/use-file-drop';
import { MEDIA_ACCEPT, useMediaIntake } from '@/hooks/use-media-intake';
import type { ComposerImageLimits } from '@/lib/client/image-limits';
import { AttachmentTray } from './attachment-tray';
import { ChatHeader } from './chat-header';
import { ChatNotices } from './chat-notices';
import { Composer } from './composer';
import { DropOverlay } from './drop-overlay';
import { EmptyState } from './empty-state';
import { preloadMarkdown } from './markdown';
import { MessageList } from './message-list';

// Only shown once a PDF is dropped: its page picker and renderer load then.
const PdfPagePicker = lazy(() => import('./pdf-page-picker').then((m) => ({ default: m.PdfPagePicker })));

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
  // Clips and PDFs beside the images: one list for the composer.
  const media = useMediaIntake(imageLimits, attachments);
  // Drop anywhere on the chat; the paperclip opens the same picker. No `accept` filter here: every file is
  // checked by its content, so a refused one gets a message naming it instead of vanishing. Pasting is the
  // composer's (onPasteFiles), so a paste into a message being edited stays text.
  const dropzone = useFileDrop(media.intake);
  const scroll = useChatScroll(conversationId);
  const composer = useChatComposer({
    conversationId,
    isReady,
    draft,
    setDraft,
    turns: generation,
    attachments: media.attachments,
    onAccepted: (id, from) => {
      setDraft('');
      if (id !== from) onConversationCreated(id);
      scroll.follow();
    },
  });
  const isStreaming = generation.active !== null && generation.active.conversationId === conversationId;
  const root = useRef<HTMLDivElement>(null);
  useChatEscape(root, isStreaming, generation.stop);

  useEffect(() => {
    if (draft) preloadMarkdown();
  }, [draft]);

  return (
    <div {...dropzone.rootProps} className="h-full outline-none" data-testid="chat-dropzone">
      <input {...dropzone.inputProps} accept={MEDIA_ACCEPT} data-testid="image-input" />
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
                <EmptyState modelId={modelId} isReady={isReady} onPick={composer.pickExample} />
              ) : (
                <MessageList
                  messages={messages}
                  isBusy={generation.active !== null}
                  editingId={composer.editingId}
                  onEdit={composer.edit}
                  onSubmitEdit={composer.submitEdit}
                  onRegenerate={composer.regenerate}
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
              needsEngine={composer.needsEngine && !isReady}
              onOpenConsole={onOpenConsole}
              onDismissEngine={composer.dismissEngine}
              error={composer.error}
              onDismissError={composer.dismissError}
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
              onSend={composer.send}
              onStop={generation.stop}
              onEditLast={() => composer.editLast(messages, generation.active !== null)}
              isStreaming={isStreaming}
              isSending={composer.sending}
              placeholder={isReady && modelId ? `Message ${modelId}` : 'Ask anything'}
              focusKey={conversationId}
              hasAttachments={attachments.items.length + media.clips.items.length > 0}
              onAttach={dropzone.open}
              onPasteFiles={(files) => void media.intake(files)}
              attachments={
                <>
                  {media.pdf && (
                    <Suspense fallback={null}>
                      <PdfPagePicker
                        key={`${media.pdf.name}-${media.pdf.lastModified}`}
                        file={media.pdf}
                        slots={Math.max(0, imageLimits.maxImages - attachments.items.length)}
                        maxPixels={imageLimits.maxPixels}
                        tokenPatch={imageLimits.tokenPatch}
                        onAdd={(pages) => {
                          void attachments.add(pages);
                          media.nextPdf();
                        }}
                        onCancel={media.nextPdf}
                      />
                    </Suspense>
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
