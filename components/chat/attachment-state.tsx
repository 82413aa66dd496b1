// What every attachment card (picture or clip) shows of its upload: a spinner over the thumbnail while it is
// prepared or uploaded, a warning sign and the error with "Try again" when it failed. One look for both kinds.
import { AlertIcon } from '@/components/ui/icons';

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
