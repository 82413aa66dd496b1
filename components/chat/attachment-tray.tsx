'use client';
// The images attached to the message being written, in a row above the text (scrolling sideways on a phone).
import type { Attachment } from '@/hooks/use-chat-attachments';
import { AttachmentCard } from './attachment-card';

export interface AttachmentTrayProps {
  attachments: readonly Attachment[];
  tokenPatch: number;
  onRemove(id: string): void;
  onToggleOriginal(id: string): void;
  onRetry(id: string): void;
}

export function AttachmentTray(props: AttachmentTrayProps) {
  const { attachments, tokenPatch, onRemove, onToggleOriginal, onRetry } = props;
  if (attachments.length === 0) return null;
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
    </ul>
  );
}
