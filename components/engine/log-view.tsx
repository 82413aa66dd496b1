'use client';
// The live engine log. Follows the newest line unless the reader has scrolled up.
import { useEffect, useRef } from 'react';
import { ENDPOINTS } from '@/lib/client/endpoints';
import type { LogLine } from '@/lib/engine/types';

export function LogView({ lines, connected }: { lines: LogLine[]; connected: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useEffect(() => {
    const el = box.current;
    if (el && following.current && lines.length > 0) el.scrollTop = el.scrollHeight;
  }, [lines]);

  const onScroll = () => {
    const el = box.current;
    if (el) following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  };

  return (
    <section
      aria-label="Engine log"
      className="flex flex-col overflow-hidden rounded-lg border border-border bg-card"
    >
      <div className="flex items-center justify-between border-b border-border px-4 py-2 text-sm">
        <span className="font-medium">Log</span>
        <span className="flex items-center gap-3 text-xs text-muted-foreground">
          <span data-testid="log-connection">{connected ? 'live' : 'reconnecting…'}</span>
          <a className="underline-offset-2 hover:underline" href={ENDPOINTS.engineLogsDownload}>
            Download
          </a>
        </span>
      </div>
      <div
        ref={box}
        onScroll={onScroll}
        data-testid="log-view"
        className="h-[26rem] overflow-auto bg-log px-4 py-2 font-mono text-xs leading-5"
      >
        {lines.length === 0 && <p className="text-muted-foreground">No output yet.</p>}
        {lines.map((line) => (
          <div
            key={line.seq}
            data-testid="log-line"
            data-seq={line.seq}
            className={`whitespace-pre-wrap break-all ${line.stream === 'system' ? 'text-primary' : line.stream === 'stderr' ? 'text-muted-foreground' : ''}`}
          >
            {line.text || '\u00a0'}
          </div>
        ))}
      </div>
    </section>
  );
}
