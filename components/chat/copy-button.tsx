'use client';
// Copies text and confirms with a check mark for a moment.
import { useEffect, useState } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { CheckIcon, CopyIcon } from '@/components/ui/icons';
import { copyText } from '@/lib/client/clipboard';

export interface CopyButtonProps {
  text: () => string;
  label: string;
  'data-testid'?: string;
}

export function CopyButton({ text, label, ...rest }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <IconButton
      size="sm"
      label={copied ? 'Copied' : label}
      data-testid={rest['data-testid']}
      data-copied={copied || undefined}
      onClick={async () => setCopied(await copyText(text()))}
    >
      {copied ? <CheckIcon size={15} /> : <CopyIcon size={15} />}
    </IconButton>
  );
}
