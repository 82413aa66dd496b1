'use client';
// One attached clip in the composer: its poster frame with the length, what was dropped and what will be
// sent (downscaled/trimmed for the model, or the original), the visual tokens it will cost, and remove.
import { memo } from 'react';
import type { ClipAttachment } from '@/hooks/use-chat-clips';
import { formatBytes } from '@/lib/client/image-format';
import { formatDuration } from '@/lib/client/video-format';
import {
  AttachmentFailure,
  AttachmentOverlay,
  RemoveAttachmentButton,
  SendOriginalToggle,
  STATUS_LABEL,
  TokenEstimate,
} from './attachment-state';

export interface ClipCardProps {
  clip: ClipAttachment;
  onRemove(id: string): void;
  onToggleOriginal(id: string): void;
  onRetry(id: string): void;
}

function ClipCardView({ clip: c, onRemove, onToggleOriginal, onRetry }: ClipCardProps) {
  const { info, plan, posterUrl, tokens } = c.facts;
  const length = info.durationS ? formatDuration(info.durationS) : 'length unknown';
  const sentLength = plan.trimToS && !c.sendOriginal ? ` · first ${formatDuration(plan.trimToS)}` : '';
  return (
    <li
      data-testid="attachment"
      data-kind="video"
      data-status={c.status}
      data-name={c.name}
      data-source-bytes={info.bytes}
      data-sent-type={c.sent?.type}
      data-sent-width={c.sent?.width}
      data-sent-height={c.sent?.height}
      data-sent-bytes={c.sent?.bytes}
      className={`relative flex w-64 shrink-0 gap-2.5 rounded-xl border bg-background p-1.5 pr-2 ${c.status === 'failed' ? 'border-danger/50' : 'border-border'}`}
    >
      <div className="relative size-16 shrink-0 overflow-hidden rounded-lg bg-black">
        {posterUrl && (
          // biome-ignore lint/performance/noImgElement: a local blob: URL, nothing for next/image to optimise
          <img
            src={posterUrl}
            alt={c.name}
            data-testid="attachment-thumb"
            className="size-full object-cover"
          />
        )}
        <span className="absolute right-0.5 bottom-0.5 rounded bg-black/65 px-1 text-[10px] text-white">
          {info.durationS ? formatDuration(info.durationS) : '▶'}
        </span>
        <AttachmentOverlay status={c.status} />
      </div>
      <div className="min-w-0 flex-1 text-xs leading-[1.125rem]">
        <p className="truncate font-medium" title={c.name}>
          {c.name}
        </p>
        {c.status === 'failed' ? (
          <AttachmentFailure error={c.error} onRetry={() => onRetry(c.id)} />
        ) : (
          <>
            <p className="truncate text-muted-foreground tabular-nums" data-testid="attachment-source">
              {`${info.width}×${info.height} · ${length} · ${formatBytes(info.bytes)}`}
            </p>
            <p className="truncate tabular-nums" data-testid="attachment-sent">
              {c.sent
                ? `${plan.transcode && !c.sendOriginal ? '→ ' : '= '}${c.sent.width}×${c.sent.height}${sentLength} · ${formatBytes(c.sent.bytes)}`
                : STATUS_LABEL[c.status]}
            </p>
            <div className="mt-0.5 flex items-center justify-between gap-2">
              {plan.transcode && plan.originalFits ? (
                <SendOriginalToggle checked={c.sendOriginal} onChange={() => onToggleOriginal(c.id)} />
              ) : (
                <span />
              )}
              <TokenEstimate
                tokens={tokens}
                title="Visual tokens the running model will spend on the frames it samples"
              />
            </div>
          </>
        )}
      </div>
      <RemoveAttachmentButton name={c.name} onRemove={() => onRemove(c.id)} />
    </li>
  );
}

export const ClipCard = memo(ClipCardView);
