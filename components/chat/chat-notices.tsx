// The notes above the composer, each dismissable: no engine to answer, a refused send, refused images,
// and browser storage trouble.
import { Button } from '@/components/ui/button';
import type { ApiError } from '@/lib/api-error';
import { ChatNotice } from './chat-notice';

export interface ChatNoticesProps {
  needsEngine: boolean;
  onOpenConsole(): void;
  onDismissEngine(): void;
  error: ApiError | null;
  onDismissError(): void;
  /** Files that were not attached, and why (by name). */
  imageNotice: string | null;
  onDismissImages(): void;
  storageNotice: string | null;
  onDismissStorage(): void;
}

export function ChatNotices(props: ChatNoticesProps) {
  const { needsEngine, error, imageNotice, storageNotice } = props;
  return (
    <>
      {needsEngine && (
        <ChatNotice
          tone="info"
          data-testid="engine-notice"
          title="Start a model first"
          detail="No model is running, so nothing can answer yet. Your message is kept here."
          action={
            <Button variant="secondary" className="h-8 shrink-0 px-3" onClick={props.onOpenConsole}>
              Open console
            </Button>
          }
          onDismiss={props.onDismissEngine}
        />
      )}
      {error && (
        <ChatNotice
          tone="error"
          data-testid="send-error"
          title={error.message}
          detail={error.hint}
          onDismiss={props.onDismissError}
        />
      )}
      {imageNotice && (
        <ChatNotice
          tone="error"
          data-testid="image-refused"
          title={imageNotice}
          onDismiss={props.onDismissImages}
        />
      )}
      {storageNotice && (
        <ChatNotice
          tone="error"
          data-testid="storage-error"
          title={storageNotice}
          onDismiss={props.onDismissStorage}
        />
      )}
    </>
  );
}
