// Small clients of the app's engine API for tests.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { EngineStatus } from '@/lib/engine/types';
import { waitFor } from './net';

export async function getStatus(url: string): Promise<EngineStatus> {
  return (await (await fetch(`${url}/api/engine`)).json()) as EngineStatus;
}

export async function startEngine(url: string, options: Record<string, unknown>, profile = 'demo') {
  const res = await fetch(`${url}/api/engine/start`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ profile, options }),
  });
  return { status: res.status, body: (await res.json()) as EngineStatus & { error?: unknown } };
}

export async function stopEngine(url: string) {
  const res = await fetch(`${url}/api/engine/stop`, { method: 'POST' });
  return { status: res.status, body: (await res.json()) as EngineStatus };
}

export function waitForState(url: string, states: string[], timeoutMs: number): Promise<EngineStatus> {
  return waitFor(
    async () => {
      const status = await getStatus(url);
      return states.includes(status.state) ? status : null;
    },
    timeoutMs,
    `engine state ${states.join('|')}`,
  );
}

export interface SseClient {
  messages: (EventSourceMessage & { at: number })[];
  done: Promise<void>;
  close(): void;
}

/** Reads an SSE response into `messages` until closed. */
export function openSse(url: string, init: RequestInit = {}): SseClient {
  const controller = new AbortController();
  const messages: SseClient['messages'] = [];
  const parser = createParser({ onEvent: (m) => messages.push({ ...m, at: performance.now() }) });
  const done = (async () => {
    try {
      const res = await fetch(url, { ...init, signal: controller.signal });
      const reader = res.body?.getReader();
      const decoder = new TextDecoder();
      if (!reader) return;
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Aborted by close().
    }
  })();
  return { messages, done, close: () => controller.abort() };
}
