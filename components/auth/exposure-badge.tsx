'use client';
// A small reminder while the app is reached from outside this machine (a tunnel, a public address).
import { useSession } from '@/hooks/use-session';

export function ExposureBadge() {
  const { session } = useSession();
  if (!session?.exposed) return null;
  const host = session.url.replace(/^https?:\/\//, '');
  return (
    <span
      data-testid="exposure-badge"
      title={`Reached through ${session.url}. Anyone with the access token can use it.`}
      className="hidden max-w-[16rem] items-center gap-1.5 truncate rounded-full border border-warning/40 bg-warning/10 px-2.5 py-0.5 text-xs font-medium text-warning sm:inline-flex"
    >
      <span aria-hidden className="size-1.5 shrink-0 rounded-full bg-current" />
      <span className="truncate">exposed publicly · {host}</span>
    </span>
  );
}
