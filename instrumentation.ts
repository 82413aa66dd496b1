// Runs once when the server starts, before it takes requests: registers what prints the sign-in link
// (the start script calls it once it listens), and makes SIGINT/SIGTERM stop the engine the way the Stop
// button does before the app exits. If the app dies harder than that, the watchdog between the app and the
// engine tears the engine down.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ getEnv }, { installShutdownHandlers }, { registerAnnouncer }] = await Promise.all([
    import('./lib/server/env'),
    import('./lib/server/shutdown'),
    import('./lib/server/auth/announce'),
  ]);
  // Fail fast: a wrong setting stops the app at start with a message naming the variable.
  try {
    getEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  installShutdownHandlers();
  registerAnnouncer();
}
