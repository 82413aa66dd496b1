import 'server-only';
import { peekSupervisor } from './engine/instance';

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
    void pending
      .then((supervisor) => supervisor.shutdown())
      .catch((error) => console.error('[vlm-console] stopping the engine failed', error))
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
