// A note above the composer: why a send did not go out and what to do about it.
import type { ReactNode } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { AlertIcon, CloseIcon } from '@/components/ui/icons';

export interface ChatNoticeProps {
  tone: 'info' | 'error';
  title: string;
  detail?: string;
  action?: ReactNode;
  onDismiss?(): void;
  'data-testid'?: string;
}

export function ChatNotice({ tone, title, detail, action, onDismiss, ...rest }: ChatNoticeProps) {
  const colours = tone === 'error' ? 'border-danger/30 bg-danger/5' : 'border-warning/30 bg-warning/5';
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={rest['data-testid']}
      className={`mb-2 flex items-start gap-3 rounded-xl border px-3 py-2.5 text-sm ${colours}`}
    >
      <AlertIcon
        size={16}
        className={`mt-0.5 shrink-0 ${tone === 'error' ? 'text-danger' : 'text-warning'}`}
      />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{title}</p>
        {detail && <p className="mt-0.5 break-words text-muted-foreground">{detail}</p>}
      </div>
      {action}
      {onDismiss && (
        <IconButton size="sm" label="Dismiss" onClick={onDismiss} className="-my-1 -mr-1">
          <CloseIcon size={14} />
        </IconButton>
      )}
    </div>
  );
}
