// Runs once when the server starts. When the app is asked to exit (Ctrl-C, `kill`, a container stop), it
// stops the engine the same way the Stop button does before exiting. Next's own handlers call
// process.exit at once; `npm start` sets NEXT_MANUAL_SIG_HANDLE so ours run instead. (If the app dies
// harder than that, the watchdog between the app and the engine tears the engine down.)
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installShutdownHandlers } = await import('./lib/server/shutdown');
  installShutdownHandlers();
}
