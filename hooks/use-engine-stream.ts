'use client';
// Follows the engine: status and log lines from one POST event stream. Reconnects on its own with the last
// seq it has (Last-Event-ID), so a tunnel that blinks loses no line and repeats none. Lines are applied once
// per animation frame: a progress bar redrawn a hundred times a second costs one render.
import { useEffect, useRef, useState } from 'react';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { openEventStream } from '@/lib/client/http';
import { readSse } from '@/lib/client/read-sse';
import type { EngineStatus, LogLine } from '@/lib/engine/types';

const MAX_CLIENT_LINES = 5000;

export interface EngineStream {
  status: EngineStatus | null;
  lines: LogLine[];
  connected: boolean;
}

export function useEngineStream(): EngineStream {
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const [lines, setLines] = useState<LogLine[]>([]);
  const [connected, setConnected] = useState(false);
  const pending = useRef(new Map<number, LogLine>());
  const frame = useRef<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let lastId: string | undefined;
    const flush = () => {
      frame.current = null;
      const batch = pending.current;
      pending.current = new Map();
      setLines((prev) => mergeLines(prev, batch));
    };
    const onLine = (line: LogLine) => {
      pending.current.set(line.seq, line);
      frame.current ??= requestAnimationFrame(flush);
    };
    const run = async () => {
      let delay = 500;
      while (!controller.signal.aborted) {
        try {
          const reader = await openEventStream(ENDPOINTS.engineLogs, {}, controller.signal, lastId);
          setConnected(true);
          delay = 500;
          await readSse(reader, (message) => {
            if (message.id) lastId = message.id;
            if (message.event === 'status') setStatus(JSON.parse(message.data) as EngineStatus);
            else if (message.event === 'log') onLine(JSON.parse(message.data) as LogLine);
          });
        } catch {
          // Dropped or refused: wait a little, then resume from the last seq received.
        }
        setConnected(false);
        if (controller.signal.aborted) break;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 5000);
      }
    };
    void run();
    return () => {
      controller.abort();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, []);

  return { status, lines, connected };
}

/** Appends new seqs and replaces redrawn ones; keeps the newest lines only. */
function mergeLines(prev: LogLine[], batch: Map<number, LogLine>): LogLine[] {
  if (batch.size === 0) return prev;
  const next = prev.slice();
  const lastSeq = next.at(-1)?.seq ?? 0;
  const firstSeq = next[0]?.seq ?? 0;
  for (const line of [...batch.values()].sort((a, b) => a.seq - b.seq)) {
    if (line.seq > (next.at(-1)?.seq ?? 0)) next.push(line);
    else if (line.seq >= firstSeq && line.seq <= lastSeq) {
      const index = binarySearch(next, line.seq);
      if (index >= 0) next[index] = line;
    }
  }
  return next.length > MAX_CLIENT_LINES ? next.slice(next.length - MAX_CLIENT_LINES) : next;
}

function binarySearch(lines: LogLine[], seq: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = lines[mid]?.seq ?? 0;
    if (value === seq) return mid;
    if (value < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
