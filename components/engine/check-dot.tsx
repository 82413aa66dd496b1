import type { CheckStatus } from '@/lib/system/types';

const DOT: Record<CheckStatus, string> = { ok: 'bg-success', warn: 'bg-warning', error: 'bg-danger' };
const WORD: Record<CheckStatus, string> = { ok: 'OK', warn: 'Warning', error: 'Problem' };

/** A green, amber or red dot, with its meaning for screen readers. */
export function CheckDot({ status }: { status: CheckStatus }) {
  return (
    <span className={`mt-1.5 size-2 shrink-0 rounded-full ${DOT[status]}`}>
      <span className="sr-only">{WORD[status]}:</span>
    </span>
  );
}
