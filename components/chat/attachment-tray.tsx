'use client';
// The images attached to the message being written, in a row above the text (scrolling sideways on a phone).
import type { Attachment } from '@/hooks/use-chat-attachments';
import type { ClipAttachment } from '@/hooks/use-chat-clips';
import { AttachmentCard } from './attachment-card';
import { ClipCard } from './clip-card';

export interface AttachmentTrayProps {
  attachments: readonly Attachment[];
  /** Video clips, after the images. */
  clips?: readonly ClipAttachment[];
  clipActions?: { onRemove(id: string): void; onToggleOriginal(id: string): void; onRetry(id: string): void };
  tokenPatch: number;
  onRemove(id: string): void;
  onToggleOriginal(id: string): void;
  onRetry(id: string): void;
}

export function AttachmentTray(props: AttachmentTrayProps) {
  const { attachments, clips = [], clipActions, tokenPatch, onRemove, onToggleOriginal, onRetry } = props;
  if (attachments.length === 0 && clips.length === 0) return null;
  return (
    <ul
      aria-label="Attached images"
      data-testid="attachment-tray"
      className="-mx-1 flex gap-3 overflow-x-auto px-1 pt-2.5 pb-1"
    >
      {attachments.map((a) => (
        <AttachmentCard
          key={a.id}
          attachment={a}
          tokenPatch={tokenPatch}
          onRemove={onRemove}
          onToggleOriginal={onToggleOriginal}
          onRetry={onRetry}
        />
      ))}
      {clipActions && clips.map((c) => <ClipCard key={c.id} clip={c} {...clipActions} />)}
    </ul>
  );
}
