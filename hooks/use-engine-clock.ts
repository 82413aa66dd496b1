'use client';
// The time now, re-read every `intervalMs` while `isRunning`: for uptimes and stage clocks.
import { useEffect, useState } from 'react';

export function useEngineClock(isRunning: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!isRunning) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [isRunning, intervalMs]);
  return now;
}
