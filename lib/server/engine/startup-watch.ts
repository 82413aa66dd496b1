import 'server-only';
// Watches a launch while it starts: the startup timeout, and a warning when the log has been silent long
// (a stalled download looks exactly like that). Ticks once a second; stops itself when the launch is no
// longer starting.

export interface StartupWatch {
  timeoutMs: number;
  stallMs: number;
  isStarting(): boolean;
  lastOutputAt(): number;
  onTimeout(): void;
  onTick(silentForMs: number): void;
}

export function watchStartup(watch: StartupWatch): void {
  const started = Date.now();
  const timer = setInterval(
    () => {
      if (!watch.isStarting()) {
        clearInterval(timer);
        return;
      }
      if (Date.now() - started >= watch.timeoutMs) {
        clearInterval(timer);
        watch.onTimeout();
        return;
      }
      watch.onTick(Date.now() - watch.lastOutputAt());
    },
    Math.min(1000, watch.timeoutMs, watch.stallMs),
  );
  timer.unref();
}
