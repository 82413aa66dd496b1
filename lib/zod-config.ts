// Zod compiles a fast parser for each object schema with `new Function`, and probes whether it may the first
// time a schema is built. Pages run under a CSP without 'unsafe-eval', so the probe alone makes the browser
// report a violation on every page load; parsing without JIT is fast enough for this app's small bodies.
// Imported first by instrumentation-client.ts (browser) and instrumentation.ts (server), before any schema.
import { z } from 'zod';

z.config({ jitless: true });
