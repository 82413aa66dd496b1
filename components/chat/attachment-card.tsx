'use client';
// One attached image in the composer: its thumbnail (a spinner while it is prepared and uploaded), what
// was dropped and what will be sent, the image tokens it will cost, "send original", and remove.
import { memo } from 'react';
import type { Attachment } from '@/hooks/use-chat-attachments';
import { formatImageSize } from '@/lib/client/image-format';
import { estimateImageTokens } from '@/lib/images/resize-plan';
import {
  AttachmentFailure,
  AttachmentOverlay,
  RemoveAttachmentButton,
  SendOriginalToggle,
  STATUS_LABEL,
  TokenEstimate,
} from './attachment-state';

export interface AttachmentCardProps {
  attachment: Attachment;
  tokenPatch: number;
  onRemove(id: string): void;
  onToggleOriginal(id: string): void;
  onRetry(id: string): void;
}

function AttachmentCardView(props: AttachmentCardProps) {
  const { attachment: a, tokenPatch, onRemove, onToggleOriginal, onRetry } = props;
  const tokens = a.sent ? estimateImageTokens(a.sent.width, a.sent.height, tokenPatch) : null;
  const unchanged = a.sent && a.sent.width === a.source.width && a.sent.height === a.source.height;
  return (
    <li
      data-testid="attachment"
      data-status={a.status}
      data-name={a.name}
      data-source-bytes={a.source.bytes}
      data-sent-type={a.sent?.type}
      data-sent-width={a.sent?.width}
      data-sent-height={a.sent?.height}
      data-sent-bytes={a.sent?.bytes}
      className={`relative flex w-64 shrink-0 gap-2.5 rounded-xl border bg-background p-1.5 pr-2 ${a.status === 'failed' ? 'border-danger/50' : 'border-border'}`}
    >
      <div className="relative size-16 shrink-0 overflow-hidden rounded-lg bg-muted">
        {a.sent && (
          // biome-ignore lint/performance/noImgElement: a local blob: URL, nothing for next/image to optimise
          <img
            src={a.sent.url}
            alt={a.name}
            data-testid="attachment-thumb"
            className="size-full object-cover"
          />
        )}
        <AttachmentOverlay status={a.status} />
      </div>
      <div className="min-w-0 flex-1 text-xs leading-[1.125rem]">
        <p className="truncate font-medium" title={a.name}>
          {a.name}
        </p>
        {a.status === 'failed' ? (
          <AttachmentFailure error={a.error} onRetry={() => onRetry(a.id)} />
        ) : (
          <>
            <p className="truncate text-muted-foreground tabular-nums" data-testid="attachment-source">
              {formatImageSize(a.source)}
            </p>
            <p className="truncate tabular-nums" data-testid="attachment-sent">
              {a.sent ? `${unchanged ? '= ' : '→ '}${formatImageSize(a.sent)}` : STATUS_LABEL[a.status]}
            </p>
            <div className="mt-0.5 flex items-center justify-between gap-2">
              <SendOriginalToggle checked={a.sendOriginal} onChange={() => onToggleOriginal(a.id)} />
              {tokens !== null && (
                <TokenEstimate tokens={tokens} title="Image tokens the running model will spend on it" />
              )}
            </div>
          </>
        )}
      </div>
      <RemoveAttachmentButton name={a.name} onRemove={() => onRemove(a.id)} />
    </li>
  );
}

export const AttachmentCard = memo(AttachmentCardView);
