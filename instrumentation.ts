// Runs once when the server starts, before it takes requests: checks the configuration, registers what
// prints the sign-in link (the start script calls it once it listens), and makes SIGINT/SIGTERM stop the
// engine the way the Stop button does before the app exits. If the app dies harder than that, the
// watchdog between the app and the engine tears the engine down.
import './lib/zod-config';

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ validateConfigOrExit }, { installShutdownHandlers }, { registerAnnouncer }] = await Promise.all([
    import('./lib/server/startup'),
    import('./lib/server/shutdown'),
    import('./lib/server/auth/announce'),
  ]);
  validateConfigOrExit();
  installShutdownHandlers();
  registerAnnouncer();
}
