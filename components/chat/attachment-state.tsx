// What every attachment card (picture or clip) shows of its upload: a spinner over the thumbnail while it is
// prepared or uploaded, a warning sign and the error with "Try again" when it failed; and the controls both
// kinds share (send the original, the token estimate, remove). One look for both kinds.
import { AlertIcon, CloseIcon } from '@/components/ui/icons';

export type AttachmentStatus = 'preparing' | 'uploading' | 'ready' | 'failed';

export const STATUS_LABEL: Record<AttachmentStatus, string> = {
  preparing: 'Preparing…',
  uploading: 'Uploading…',
  ready: 'Ready',
  failed: 'Failed',
};

/** Over the thumbnail: a spinner while busy, a warning sign once failed, nothing when ready. */
export function AttachmentOverlay({ status }: { status: AttachmentStatus }) {
  if (status === 'preparing' || status === 'uploading') {
    return (
      <span className="absolute inset-0 grid place-items-center bg-background/55" role="status">
        <span className="sr-only">{STATUS_LABEL[status]}</span>
        <span className="size-4 animate-spin rounded-full border-2 border-foreground/70 border-t-transparent" />
      </span>
    );
  }
  if (status === 'failed') {
    return (
      <span className="absolute inset-0 grid place-items-center text-danger">
        <AlertIcon size={20} />
      </span>
    );
  }
  return null;
}

export interface AttachmentFailureProps {
  error: string | null | undefined;
  onRetry(): void;
}

/** In place of the sizes: why it failed, and a way to try again. */
export function AttachmentFailure({ error, onRetry }: AttachmentFailureProps) {
  return (
    <>
      <p className="line-clamp-2 text-danger" data-testid="attachment-error" title={error ?? undefined}>
        {error}
      </p>
      <button
        type="button"
        data-testid="retry-attachment"
        onClick={onRetry}
        className="font-medium text-foreground underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
      >
        Try again
      </button>
    </>
  );
}

/** "Send original": skip the downscale (or the transcode) for this attachment. */
export function SendOriginalToggle({ checked, onChange }: { checked: boolean; onChange: () => void }) {
  return (
    <label className="inline-flex cursor-pointer items-center gap-1.5 text-muted-foreground hover:text-foreground">
      <input
        type="checkbox"
        data-testid="send-original"
        checked={checked}
        onChange={onChange}
        className="size-3.5 accent-primary"
      />
      Send original
    </label>
  );
}

/** What the running model will spend on the attachment, in its visual tokens. */
export function TokenEstimate({ tokens, title }: { tokens: number; title: string }) {
  return (
    <span className="text-muted-foreground tabular-nums" data-testid="attachment-tokens" title={title}>
      ≈{tokens.toLocaleString('en-US')} tok
    </span>
  );
}

/** The small × on the card's corner. */
export function RemoveAttachmentButton({ name, onRemove }: { name: string; onRemove: () => void }) {
  return (
    <button
      type="button"
      data-testid="remove-attachment"
      aria-label={`Remove ${name}`}
      title="Remove"
      onClick={onRemove}
      className="absolute -top-2 -right-2 inline-flex size-5 items-center justify-center rounded-full border border-border bg-card text-muted-foreground shadow-sm transition hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
    >
      <CloseIcon size={12} />
    </button>
  );
}
