'use client';
// Follows the engine: status and log lines from one POST event stream. Reconnects on its own with the last
// seq it has (Last-Event-ID), so a tunnel that blinks loses no line and repeats none. Lines are classified
// (error, warning, info) once as they arrive and applied once per animation frame: a progress bar redrawn a
// hundred times a second, or a flood of thousands of lines, costs one render a frame.
import { useEffect, useRef, useState } from 'react';
import { ENDPOINTS } from '@/lib/client/endpoints';
import { openEventStream } from '@/lib/client/http';
import { type ClientLogLine, toClientLine } from '@/lib/client/log-level';
import { mergeLines } from '@/lib/client/log-merge';
import { decodeLogEvent } from '@/lib/client/log-sse';
import { readSse } from '@/lib/client/read-sse';
import type { EngineStatus, LogLine } from '@/lib/engine/types';

/** Lines the browser keeps; the full log stays downloadable from the server. */
export const MAX_CLIENT_LINES = 100_000;

export interface EngineStream {
  status: EngineStatus | null;
  lines: ClientLogLine[];
  connected: boolean;
  /** Lines the server no longer had when this client asked for them (it fell behind a flood). */
  skipped: number;
}

export function useEngineStream(): EngineStream {
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const [lines, setLines] = useState<ClientLogLine[]>([]);
  const [connected, setConnected] = useState(false);
  const [skipped, setSkipped] = useState(0);
  const pending = useRef(new Map<number, ClientLogLine>());
  const frame = useRef<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let lastId: string | undefined;
    const flush = () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
      const batch = pending.current;
      pending.current = new Map();
      setLines((prev) => mergeLines(prev, batch, MAX_CLIENT_LINES));
    };
    const onLine = (line: LogLine) => {
      pending.current.set(line.seq, toClientLine(line));
      // No frames in a background tab: a flood must not pile up unbounded until the tab is shown again.
      if (pending.current.size >= MAX_CLIENT_LINES) flush();
      else frame.current ??= requestAnimationFrame(flush);
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
            const decoded = decodeLogEvent(message);
            if (!decoded.ok) return;
            const { event } = decoded;
            if (event.type === 'log') onLine(event.line);
            else if (event.type === 'status') setStatus(event.status);
            else setSkipped((n) => n + Math.max(0, event.to - event.from + 1));
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

  return { status, lines, connected, skipped };
}
