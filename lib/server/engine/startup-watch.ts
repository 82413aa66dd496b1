import 'server-only';
// The clock of a starting launch: a tick every `tickMs` until `timeoutMs` has passed since it began. Its
// timers never keep the app alive; the launch that reads it decides what each tick means.
import { setTimeout as sleep } from 'node:timers/promises';

export async function* startupTicks(timeoutMs: number, tickMs: number): AsyncGenerator<number> {
  const started = Date.now();
  for (;;) {
    await sleep(tickMs, undefined, { ref: false });
    const elapsed = Date.now() - started;
    if (elapsed >= timeoutMs) return;
    yield elapsed;
  }
}
