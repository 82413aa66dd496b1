'use client';
// A ticking "N s" since a moment, re-rendering only itself.
import { useEffect, useState } from 'react';
import { formatThinking } from '@/lib/client/chat-stats';

export function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return <span className="tabular-nums">{formatThinking(Math.max(0, now - since))}</span>;
}
