import 'server-only';
import { peekSupervisor } from './engine/instance';
import { settleWrites } from './engine/launch-history';

const INSTALLED = Symbol.for('vlm-console.shutdown-handlers');

export function installShutdownHandlers(): void {
  const holder = globalThis as { [INSTALLED]?: boolean };
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  let exiting = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (exiting) return;
    exiting = true;
    const code = signal === 'SIGINT' ? 130 : 143;
    const pending = peekSupervisor();
    if (!pending) process.exit(code);
    // Whatever happens, the app exits; the watchdog still tears down an engine left running.
    setTimeout(
      () => process.exit(code),
      (Number(process.env.VLM_CONSOLE_STOP_GRACE_S) || 20) * 1000 + 15_000,
    ).unref();
    void pending
      .then((supervisor) => supervisor.shutdown())
      // The stop's history record ("stopped when the app exited") is written as the state changes.
      .then(() => settleWrites())
      .catch((error) => console.error('[vlm-console] stopping the engine failed', error))
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
