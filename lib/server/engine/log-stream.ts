import 'server-only';
// One client's live view of the engine log: the buffered lines after its cursor, then live lines and
// status changes. The connection pulls from the ring at its own pace instead of having lines pushed into a
// queue, so a slow client (a phone on a tunnel) costs no memory: if it falls behind the ring it is told
// which lines it missed (`gap`) and continues.
import type { EngineStatus, LogLine } from '@/lib/engine/types';
import { sseEvent, sseResponse } from '../sse';
import type { EngineSupervisor } from './supervisor';

const BATCH_LINES = 2000;
const MAX_BACKLOG_BYTES = 1 << 20;

export function streamEngineLogs(request: Request, supervisor: EngineSupervisor, since: number): Response {
  const { logs } = supervisor;
  return sseResponse(request, (sink) => {
    let cursor = Math.min(since, logs.lastSeq);
    const redrawn = new Set<number>();
    const statuses: EngineStatus[] = [];
    let scheduled = false;

    const lineEvent = (line: LogLine, withId: boolean) =>
      sseEvent(
        'log',
        {
          seq: line.seq,
          ts: line.ts,
          stream: line.stream,
          text: line.text,
          ...(line.probe ? { probe: true } : {}),
        },
        withId ? line.seq : undefined,
      );

    const flush = () => {
      scheduled = false;
      if (sink.closed || sink.backlog > MAX_BACKLOG_BYTES) return;
      let out = '';
      const first = logs.ring.firstSeq;
      if (first > 0 && cursor < first - 1) {
        out += sseEvent('gap', { from: cursor + 1, to: first - 1 });
        cursor = first - 1;
      }
      // A redraw of a line the client already has is re-sent with its seq, but without an `id:` that
      // would move the client's Last-Event-ID backwards and cause duplicates on reconnect.
      for (const seq of [...redrawn].sort((a, b) => a - b)) {
        const line = logs.ring.get(seq);
        if (line && seq <= cursor) out += lineEvent(line, seq === cursor);
      }
      redrawn.clear();
      const fresh = logs.ring.since(cursor);
      const batch = fresh.length > BATCH_LINES ? fresh.slice(0, BATCH_LINES) : fresh;
      for (const line of batch) out += lineEvent(line, true);
      const last = batch.at(-1);
      if (last) cursor = last.seq;
      for (const status of statuses.splice(0)) out += sseEvent('status', status);
      if (out) sink.send(out);
      if (fresh.length > batch.length) schedule();
    };

    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      setImmediate(flush);
    };

    const stopLogs = logs.subscribe((line, isNew) => {
      if (!isNew && line.seq <= cursor) redrawn.add(line.seq);
      schedule();
    });
    const stopStatus = supervisor.onStatus((status) => {
      statuses.push(status);
      schedule();
    });
    sink.send(sseEvent('status', supervisor.getStatus()));
    schedule();
    return {
      cleanup: () => {
        stopLogs();
        stopStatus();
      },
      onDrain: schedule,
    };
  });
}
